using System;
using System.Text;

namespace SynthKit.Generators.Emit;

/// <summary>A small indentation-aware text writer for emitted C# (after System.Text.Json's generator's SourceWriter).</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _text = new();
    private int _indentation;

    public void WriteLine() => _text.Append('\n');

    /// <summary>Writes one or more lines, each at the current indentation (blank lines stay empty).</summary>
    public void WriteLine(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.TrimEnd('\r');
            if (trimmed.Length > 0)
            {
                _text.Append(' ', _indentation * 4).Append(trimmed);
            }

            _text.Append('\n');
        }
    }

    public void OpenBlock()
    {
        WriteLine("{");
        _indentation++;
    }

    public void CloseBlock(string suffix = "")
    {
        _indentation--;
        WriteLine("}" + suffix);
    }

    public IDisposable Block(string header)
    {
        WriteLine(header);
        OpenBlock();
        return new Closer(this);
    }

    public override string ToString() => _text.ToString();

    private sealed class Closer : IDisposable
    {
        private readonly SourceWriter _writer;

        public Closer(SourceWriter writer) => _writer = writer;

        public void Dispose() => _writer.CloseBlock();
    }
}
