using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace SynthKit;

/// <summary>
/// Writing with every core and the same bytes. Rows depend only on (seed, table, column, row), so a range cut into
/// blocks can be made on separate threads and written in order: the result is byte for byte the single-threaded one
/// (CSV keeps the first block's header only). Memory stays bounded: one block of output per thread at a time.
/// </summary>
public static class ParallelWriting
{
    /// <summary>Rows per block: large enough to amortise a thread's start, small enough to keep memory low.</summary>
    public const int BlockRows = 32_768;

    /// <summary>Writes rows <c>start … start + count − 1</c> as CSV using up to <paramref name="degreeOfParallelism"/> threads.</summary>
    /// <param name="synthesizer">Any synthesizer (generated, spec-driven, with models).</param>
    /// <param name="destination">The stream.</param>
    /// <param name="start">The first row index.</param>
    /// <param name="count">The number of rows.</param>
    /// <param name="degreeOfParallelism">Threads to use; 1 writes on the calling thread, −1 or 0 uses every core.</param>
    /// <param name="cancellationToken">Stops between blocks.</param>
    public static void WriteCsv(this ISynthesizer synthesizer, Stream destination, long start, int count, int degreeOfParallelism, CancellationToken cancellationToken = default) =>
        Write(synthesizer, destination, start, count, degreeOfParallelism, csv: true, null, cancellationToken);

    /// <summary>Writes rows <c>start … start + count − 1</c> as JSON Lines using up to <paramref name="degreeOfParallelism"/> threads.</summary>
    /// <param name="synthesizer">Any synthesizer.</param>
    /// <param name="destination">The stream.</param>
    /// <param name="start">The first row index.</param>
    /// <param name="count">The number of rows.</param>
    /// <param name="degreeOfParallelism">Threads to use; 1 writes on the calling thread, −1 or 0 uses every core.</param>
    /// <param name="cancellationToken">Stops between blocks.</param>
    public static void WriteJsonLines(this ISynthesizer synthesizer, Stream destination, long start, int count, int degreeOfParallelism, CancellationToken cancellationToken = default) =>
        Write(synthesizer, destination, start, count, degreeOfParallelism, csv: false, null, cancellationToken);

    /// <summary>
    /// Rows <c>start … start + count − 1</c> as a sequence of batches of up to <paramref name="batchRows"/> rows, in order,
    /// made ahead on up to <paramref name="degreeOfParallelism"/> threads while the caller consumes the current one — the
    /// source every sink (databases, custom writers) reads. Batches are reused: a batch is valid until the next one is
    /// asked for. The rows do not depend on the batch size or the thread count.
    /// </summary>
    /// <param name="synthesizer">Any synthesizer.</param>
    /// <param name="start">The first row index.</param>
    /// <param name="count">The number of rows.</param>
    /// <param name="batchRows">Rows per batch (default <see cref="BlockRows"/>).</param>
    /// <param name="degreeOfParallelism">Threads that make batches; 1 makes them on the calling thread, 0 or −1 uses every core.</param>
    /// <param name="cancellationToken">Stops between batches.</param>
    /// <returns>The batches; each one's <see cref="ColumnBatch.StartRow"/> is its first row's index.</returns>
    public static IEnumerable<ColumnBatch> ToBatches(this ISynthesizer synthesizer, long start, int count, int batchRows = BlockRows, int degreeOfParallelism = 1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(synthesizer);
        SynthesizerChecks.Range(start, count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchRows);
        return Batches(synthesizer, start, count, batchRows, degreeOfParallelism <= 0 ? Environment.ProcessorCount : degreeOfParallelism, cancellationToken);
    }

    private static IEnumerable<ColumnBatch> Batches(ISynthesizer synthesizer, long start, int count, int batchRows, int threads, CancellationToken cancellationToken)
    {
        int blocks = (int)((count + (long)batchRows - 1) / batchRows);
        int size = Math.Min(batchRows, Math.Max(1, count));
        void Fill(ColumnBatch batch, int block)
        {
            long from = start + ((long)block * batchRows);
            synthesizer.Fill(batch, from, (int)Math.Min(batchRows, count - ((long)block * batchRows)));
            batch.StartRow = from;
        }

        if (threads == 1 || blocks <= 1)
        {
            var batch = new ColumnBatch(synthesizer.Spec, size);
            for (int block = 0; block < blocks; block++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Fill(batch, block);
                yield return batch;
            }

            yield break;
        }

        // A ring of threads + 1 batches: while the caller holds block b, blocks b + 1 … b + threads are being made; block
        // b + threads reuses the slot of block b − 1, which the caller has finished with.
        int ring = threads + 1;
        var batches = new ColumnBatch[ring];
        var pending = new Task[ring];
        for (int i = 0; i < ring; i++)
        {
            batches[i] = new ColumnBatch(synthesizer.Spec, size);
        }

        Task Make(int block) => Task.Run(() => Fill(batches[block % ring], block), cancellationToken);
        for (int block = 0; block < Math.Min(blocks, threads); block++)
        {
            pending[block % ring] = Make(block);
        }

        try
        {
            for (int block = 0; block < blocks; block++)
            {
                pending[block % ring].GetAwaiter().GetResult();
                if (block + threads < blocks)
                {
                    pending[(block + threads) % ring] = Make(block + threads);
                }

                yield return batches[block % ring];
            }
        }
        finally
        {
            // An abandoned or failed enumeration waits for the batches still being made, so none outlives it.
            foreach (var task in pending)
            {
                if (task is not null)
                {
                    try
                    {
                        task.Wait(CancellationToken.None);
                    }
                    catch (AggregateException)
                    {
                        // reported by the block that awaited it, or of no interest once the caller stopped
                    }
                }
            }
        }
    }

    /// <summary>The writer behind both formats and behind fixtures: blocks in waves, progress after each wave.</summary>
    internal static void Write(ISynthesizer synthesizer, Stream destination, long start, int count, int degreeOfParallelism, bool csv, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(synthesizer);
        ArgumentNullException.ThrowIfNull(destination);
        SynthesizerChecks.Range(start, count);
        int threads = degreeOfParallelism <= 0 ? Environment.ProcessorCount : degreeOfParallelism;
        int blocks = (int)((count + (long)BlockRows - 1) / BlockRows);
        cancellationToken.ThrowIfCancellationRequested();
        if (blocks <= 1 || (threads == 1 && progress is null && !cancellationToken.CanBeCanceled))
        {
            if (csv)
            {
                synthesizer.WriteCsv(destination, start, count);
            }
            else
            {
                synthesizer.WriteJsonLines(destination, start, count);
            }

            progress?.Report(count);
            return;
        }

        // Waves of one block per thread: make them in parallel, write them in order, repeat.
        var buffers = new MemoryStream[threads];
        for (int first = 0; first < blocks; first += threads)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int wave = Math.Min(threads, blocks - first);
            Parallel.For(0, wave, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken }, i =>
            {
                int block = first + i;
                long from = start + ((long)block * BlockRows);
                int rows = (int)Math.Min(BlockRows, count - ((long)block * BlockRows));
                var buffer = buffers[i] ??= new MemoryStream();
                buffer.SetLength(0);
                if (csv)
                {
                    synthesizer.WriteCsv(buffer, from, rows);
                }
                else
                {
                    synthesizer.WriteJsonLines(buffer, from, rows);
                }
            });

            for (int i = 0; i < wave; i++)
            {
                var bytes = buffers[i].GetBuffer().AsSpan(0, (int)buffers[i].Length);
                if (csv && first + i > 0)
                {
                    for (int line = Provenance.Disclosure.CsvPreambleLines(synthesizer); line > 0; line--)
                    {
                        bytes = bytes[(bytes.IndexOf((byte)'\n') + 1)..]; // the header (and a disclosure comment) belong to the first block only
                    }
                }

                destination.Write(bytes);
            }

            progress?.Report(Math.Min(count, (long)(first + wave) * BlockRows));
        }
    }
}
