using System.Security.Cryptography;
using System.Text;

namespace SynthKit.Generators.Model;

/// <summary>
/// Column keys and fingerprints. <see cref="KeyOf"/> must equal the runtime's <c>SynthRandom.KeyOf</c> bit for bit
/// (a test checks it): the generator emits the keys as constants so the runtime never hashes names.
/// </summary>
internal static class Hashing
{
    public static ulong KeyOf(string name)
    {
        ulong hash = 0xCBF29CE484222325UL;
        foreach (byte b in Encoding.UTF8.GetBytes(name))
        {
            hash = (hash ^ b) * 0x100000001B3UL;
        }

        return Mix(hash);
    }

    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public static string Sha256Hex(string text)
    {
        using var sha = SHA256.Create();
        var bytes = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
        var builder = new StringBuilder(bytes.Length * 2);
        foreach (var b in bytes)
        {
            builder.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}
