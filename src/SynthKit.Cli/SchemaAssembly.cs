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

    private readonly AssemblyLoadContext _context;
    private List<Assembly>? _referenced;

    private SchemaAssembly(Assembly assembly, IReadOnlyList<RegisteredSynthesizer> synthesizers, AssemblyLoadContext context)
    {
        Assembly = assembly;
        Synthesizers = synthesizers;
        _context = context;
    }

    public Assembly Assembly { get; }

    /// <summary>The synthesizers the assembly itself registers.</summary>
    public IReadOnlyList<RegisteredSynthesizer> Synthesizers { get; }

    /// <summary>Loads an assembly and reads its registered synthesizers.</summary>
    /// <exception cref="SynthKitException">SK5008: the assembly or a dependency cannot be loaded.</exception>
    public static SchemaAssembly Load(string path, IEnumerable<string> references)
    {
        string full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new SynthKitException(FixtureErrorCodes.HostFailure, $"'{path}' is a directory; point --assembly at the built .dll inside it (e.g. bin/Debug/net10.0/MyApp.Tests.dll).", path);
        }

        if (!File.Exists(full))
        {
            throw new SynthKitException(FixtureErrorCodes.HostFailure, $"The assembly '{path}' does not exist; build the project first, or point --assembly at its output.", path);
        }

        var context = new UserContext(full, references);
        try
        {
            // A framework assembly (System.Private.CoreLib, System.Runtime …) cannot be loaded a second time from its
            // path; it is the host's own copy, which declares no synthesizers.
            var assembly = IsPlatformAssembly(full, out var platformName)
                ? AssemblyLoadContext.Default.LoadFromAssemblyName(platformName)
                : context.LoadFromAssemblyPath(full);
            CheckSynthKitVersion(assembly, path);
            return new SchemaAssembly(assembly, SynthesizerRegistry.All(assembly), context);
        }
        catch (Exception ex) when (ex is BadImageFormatException or FileLoadException or FileNotFoundException or TypeLoadException or ReflectionTypeLoadException or TargetInvocationException)
        {
            throw new SynthKitException(FixtureErrorCodes.HostFailure, $"Cannot load '{Path.GetFileName(path)}' or its synthesizers: {ex.GetBaseException().Message}", path, innerException: ex);
        }
    }

    /// <summary>
    /// The synthesizer for a schema name or type name: the assembly's own first, then those of the user assemblies it
    /// references (directly or not) that use SynthKit, so a fixture may name a schema whose synthesizer lives in a
    /// referenced project.
    /// </summary>
    /// <exception cref="SynthKitException">SK5004: no synthesizer matches, or a short name matches several.</exception>
    public RegisteredSynthesizer Find(string schema, string? file = null, int line = 0, int column = 0)
    {
        try
        {
            var found = SynthesizerRegistry.Find(Assembly, schema);
            foreach (var referenced in found is null ? ReferencedUserAssemblies() : [])
            {
                found = SynthesizerRegistry.Find(referenced, schema);
                if (found is not null)
                {
                    break;
                }
            }

            if (found is not null)
            {
                return found;
            }
        }
        catch (SynthKitException ex) when (ex.Code == FixtureErrorCodes.UnknownSchema && ex.FilePath is null)
        {
            throw new SynthKitException(ex.Code, ex.Detail, file, line, column);
        }

        var elsewhere = ReferencedUserAssemblies().SelectMany(a => SynthesizerRegistry.All(a).Select(r => $"{r.Schema.ClrType!.FullName} (in {a.GetName().Name})"));
        var all = Synthesizers.Select(s => s.Schema.ClrType!.FullName).Concat(elsewhere).ToList();
        string known = all.Count == 0
            ? "it registers none (is the SynthKit package, which carries the generator, referenced?)"
            : "it registers " + string.Join(", ", all);
        throw new SynthKitException(
            FixtureErrorCodes.UnknownSchema,
            $"No synthesizer for schema '{schema}' in {Assembly.GetName().Name} or the assemblies it references: {known}. Name the schema type ([SyntheticSchema]) or declare [Synthesizer(typeof({schema}))] on a partial class.",
            file,
            line,
            column);
    }

    /// <summary>User assemblies (loaded in this context) that the assembly references, breadth first, which use SynthKit.</summary>
    private List<Assembly> ReferencedUserAssemblies()
    {
        if (_referenced is not null)
        {
            return _referenced;
        }

        _referenced = new List<Assembly>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { Assembly.GetName().Name! };
        var queue = new Queue<Assembly>();
        queue.Enqueue(Assembly);
        while (queue.Count > 0)
        {
            foreach (var name in queue.Dequeue().GetReferencedAssemblies())
            {
                if (name.Name is null || s_shared.Contains(name.Name) || !seen.Add(name.Name))
                {
                    continue;
                }

                Assembly referenced;
                try
                {
                    referenced = _context.LoadFromAssemblyName(name);
                }
                catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or BadImageFormatException)
                {
                    continue; // not needed unless a schema lives there; the search just goes on
                }

                if (AssemblyLoadContext.GetLoadContext(referenced) != _context)
                {
                    continue; // the framework or the host's own assemblies
                }

                queue.Enqueue(referenced);
                if (referenced.GetReferencedAssemblies().Any(r => r.Name == "SynthKit"))
                {
                    _referenced.Add(referenced);
                }
            }
        }

        return _referenced;
    }

    private static bool IsPlatformAssembly(string path, out AssemblyName name)
    {
        name = AssemblyName.GetAssemblyName(path);
        string fileName = Path.GetFileName(path);
        return AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") is string platform
            && platform.Split(Path.PathSeparator).Any(p => string.Equals(Path.GetFileName(p), fileName, StringComparison.OrdinalIgnoreCase))
            && !s_shared.Contains(name.Name ?? "");
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
