using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using SynthKit.Fixtures;

namespace SynthKit.Cli;

/// <summary>
/// A user's assembly loaded in its own load context, its dependencies resolved from its <c>.deps.json</c>, from paths
/// the build passes (package assemblies a class library does not copy to its output) and from its directory. SynthKit
/// and SynthKit.Abstractions come from the host, so the user's synthesizers implement the host's interfaces.
/// </summary>
internal sealed class SchemaAssembly
{
    private static readonly HashSet<string> s_shared = new(StringComparer.OrdinalIgnoreCase) { "SynthKit", "SynthKit.Abstractions" };

    private SchemaAssembly(Assembly assembly, IReadOnlyList<RegisteredSynthesizer> synthesizers)
    {
        Assembly = assembly;
        Synthesizers = synthesizers;
    }

    public Assembly Assembly { get; }

    public IReadOnlyList<RegisteredSynthesizer> Synthesizers { get; }

    /// <summary>Loads an assembly and reads its registered synthesizers.</summary>
    /// <exception cref="SynthKitException">SK5008: the assembly or a dependency cannot be loaded.</exception>
    public static SchemaAssembly Load(string path, IEnumerable<string> references)
    {
        string full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new SynthKitException(FixtureErrorCodes.HostFailure, $"The assembly '{path}' does not exist; build the project first, or point --assembly at its output.", path);
        }

        var context = new UserContext(full, references);
        try
        {
            var assembly = context.LoadFromAssemblyPath(full);
            CheckSynthKitVersion(assembly, path);
            return new SchemaAssembly(assembly, SynthesizerRegistry.All(assembly));
        }
        catch (Exception ex) when (ex is BadImageFormatException or FileLoadException or FileNotFoundException or TypeLoadException or ReflectionTypeLoadException or TargetInvocationException)
        {
            throw new SynthKitException(FixtureErrorCodes.HostFailure, $"Cannot load '{Path.GetFileName(path)}' or its synthesizers: {ex.GetBaseException().Message}", path, innerException: ex);
        }
    }

    /// <summary>The synthesizer for a schema name or type name.</summary>
    /// <exception cref="SynthKitException">SK5004: no synthesizer matches.</exception>
    public RegisteredSynthesizer Find(string schema, string? file = null, int line = 0, int column = 0)
    {
        var found = SynthesizerRegistry.Find(Assembly, schema);
        if (found is not null)
        {
            return found;
        }

        string known = Synthesizers.Count == 0
            ? "it registers none (is the SynthKit package, which carries the generator, referenced?)"
            : "it registers " + string.Join(", ", Synthesizers.Select(s => s.Schema.ClrType.FullName));
        throw new SynthKitException(
            FixtureErrorCodes.UnknownSchema,
            $"No synthesizer for schema '{schema}' in {Assembly.GetName().Name}: {known}. Name the schema type ([SyntheticSchema]) or declare [Synthesizer(typeof({schema}))] on a partial class.",
            file,
            line,
            column);
    }

    private static void CheckSynthKitVersion(Assembly assembly, string path)
    {
        var host = typeof(ISynthesizer).Assembly.GetName().Version;
        var wanted = assembly.GetReferencedAssemblies().FirstOrDefault(a => a.Name == "SynthKit")?.Version;
        if (wanted is not null && host is not null && (wanted.Major != host.Major || wanted.Minor > host.Minor))
        {
            throw new SynthKitException(
                FixtureErrorCodes.HostFailure,
                $"'{Path.GetFileName(path)}' was built against SynthKit {wanted.ToString(3)}, but this host is SynthKit {host.ToString(3)}; use the same version of SynthKit.Build (or the synthkit tool) as of SynthKit.",
                path);
        }
    }

    private sealed class UserContext : AssemblyLoadContext
    {
        private readonly AssemblyDependencyResolver _resolver;
        private readonly Dictionary<string, string> _references = new(StringComparer.OrdinalIgnoreCase);
        private readonly string _directory;

        public UserContext(string assemblyPath, IEnumerable<string> references)
            : base("SynthKit user assembly " + Path.GetFileName(assemblyPath))
        {
            _resolver = new AssemblyDependencyResolver(assemblyPath);
            _directory = Path.GetDirectoryName(assemblyPath)!;
            foreach (var reference in references)
            {
                if (reference.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
                {
                    _references.TryAdd(Path.GetFileNameWithoutExtension(reference), reference);
                }
            }
        }

        protected override Assembly? Load(AssemblyName name)
        {
            if (name.Name is null || s_shared.Contains(name.Name))
            {
                return null; // the host's copy, so the types are the host's
            }

            string? path = _resolver.ResolveAssemblyToPath(name);
            if (path is null && _references.TryGetValue(name.Name, out var reference))
            {
                path = reference;
            }

            if (path is null)
            {
                string local = Path.Combine(_directory, name.Name + ".dll");
                path = File.Exists(local) ? local : null;
            }

            return path is null ? null : LoadFromAssemblyPath(path);
        }

        protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
        {
            string? path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
            return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
        }
    }
}
