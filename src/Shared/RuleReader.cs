using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SynthKit.Analyzers;

namespace SynthKit.CodeAnalysis;

/// <summary>Which argument of an attribute a problem is about: a positional index, a named argument, or the whole attribute.</summary>
internal readonly record struct ArgumentTarget(int Index, string? Name)
{
    public static readonly ArgumentTarget Whole = new(-1, null);

    public static ArgumentTarget At(int index) => new(index, null);

    public static ArgumentTarget Named(string name) => new(-1, name);
}

/// <summary>
/// Receives a problem found in a member's attributes: the descriptor, the attribute at fault (if any), which of its
/// arguments, and the message arguments.
/// </summary>
internal delegate void RuleDiagnosticSink(DiagnosticDescriptor descriptor, AttributeData? attribute, ArgumentTarget target, string[] arguments);

/// <summary>
/// Reads one member's attributes into its rule, modifiers and privacy marks, validating as it goes. Compiled into both
/// the generator (which builds its model from the result and stays silent about argument errors) and the analyzers
/// (which report them), so each rule is defined once and each problem reported once.
/// </summary>
internal sealed class RuleReader
{
    private readonly string _member;
    private readonly TypeShape _shape;
    private readonly RuleDiagnosticSink _report;
    private readonly Func<INamedTypeSymbol, string?>? _nameOf;

    private AttributeData? _generation;
    private string? _generationName;
    private AttributeData? _pii;
    private int _piiKind;
    private bool _notPii;
    private bool _quasiIdentifier;
    private bool _sensitive;
    private AttributeData? _range;
    private AttributeData? _format;
    private string? _formatName;
    private AttributeData? _required;
    private AttributeData? _nullRateAttribute;
    private AttributeData? _uniqueAttribute;
    private double _nullRate;
    private bool _unique;
    private bool _hasClamp;
    private double _clampMin;
    private double _clampMax;
    private int _roundDigits = -1;
    private int _minLength = -1;
    private int _maxLength = -1;
    private int _countMin = Defaults.CountMin;
    private int _countMax = Defaults.CountMax;
    private AttributeData? _lengthAttribute;
    private AttributeData? _whenAttribute;
    private string? _whenSource;
    private string[] _whenValues = Array.Empty<string>();
    private bool _key;
    private bool _lengthIsCount;
    private AttributeData? _children;

    /// <summary>Whether the member is a list of values whose attributes are its elements' rules.</summary>
    private bool IsValueList => _shape.Collection != CollectionShape.None && _shape.Kind != ValueKind.Collection;

    /// <param name="member">The member name, for messages.</param>
    /// <param name="shape">The member type's shape.</param>
    /// <param name="report">Receives problems.</param>
    /// <param name="nameOf">
    /// Maps an attribute class to its metadata name if SynthKit reads it, else null. Analyzers pass a per-compilation
    /// symbol map; without one the name is computed from the symbol (slower).
    /// </param>
    public RuleReader(string member, TypeShape shape, RuleDiagnosticSink report, Func<INamedTypeSymbol, string?>? nameOf = null)
    {
        _member = member;
        _shape = shape;
        _report = report;
        _nameOf = nameOf;
    }

    /// <summary>The type that declares the member and the member's type, for <c>[Derived]</c>'s method; null when unknown.</summary>
    public (INamedTypeSymbol Owner, ITypeSymbol Type)? Declaring { get; set; }

    /// <summary>The <c>[Pii]</c> attribute, if the member carries one.</summary>
    public AttributeData? PiiAttribute => _pii;

    /// <summary>The <c>PiiKind</c> number of <c>[Pii]</c>, or 0.</summary>
    public int PiiKind => _piiKind;

    /// <summary>Whether the member carries <c>[NotPii]</c>.</summary>
    public bool IsDeclaredNotPii => _notPii;

    /// <summary>Whether the member carries <c>[QuasiIdentifier]</c>.</summary>
    public bool IsQuasiIdentifier => _quasiIdentifier;

    /// <summary>Whether the member carries <c>[Sensitive]</c>.</summary>
    public bool IsSensitive => _sensitive;

    /// <summary>The <c>[Learned]</c> attribute, if the member carries one.</summary>
    public AttributeData? LearnedAttribute { get; private set; }

    /// <summary>The DataAnnotations format attribute (<c>[EmailAddress]</c>, <c>[Phone]</c>, <c>[CreditCard]</c>, <c>[Url]</c>), if any.</summary>
    public string? FormatAnnotation => _formatName;

    /// <summary>The generation attribute ([Normal], [After], [References] …), if any.</summary>
    public AttributeData? GenerationAttribute => _generation;

    /// <summary>The <c>[OnlyWhen]</c> attribute, if the member carries a valid one.</summary>
    public AttributeData? WhenAttribute => _whenSource is null ? null : _whenAttribute;

    /// <summary>Whether any attribute SynthKit reads was seen.</summary>
    public bool SawSynthKitAttribute { get; private set; }

    private bool IsNumeric => _shape.Kind is >= ValueKind.SByte and <= ValueKind.Decimal or ValueKind.TimeSpan;

    private bool IsIntegral => _shape.Kind is >= ValueKind.SByte and <= ValueKind.UInt64;

    private bool IsDate => _shape.Kind is ValueKind.DateTime or ValueKind.DateTimeOffset or ValueKind.DateOnly;

    public void Add(AttributeData attribute)
    {
        if (attribute.AttributeClass is not { } attributeClass)
        {
            return;
        }

        string? name = _nameOf is null ? ValueShape.MetadataName(attributeClass) : _nameOf(attributeClass);
        if (name is null)
        {
            return;
        }

        if (name.StartsWith("SynthKit.", StringComparison.Ordinal))
        {
            SawSynthKitAttribute = true;
        }

        if (attribute.AttributeConstructor is null || HasErrors(attribute))
        {
            return; // the compiler reports why the attribute does not bind (CS7036, CS1503 …); there is nothing to read
        }

        if (name.StartsWith("SynthKit.", StringComparison.Ordinal) && !FiniteArguments(attribute, allowInfinity: name == KnownNames.Clamp))
        {
            return;
        }

        switch (name)
        {
            case KnownNames.Learned:
                LearnedAttribute = attribute;
                break;
            case KnownNames.Pii:
                _pii = attribute;
                _piiKind = Int(attribute, 0);
                break;
            case KnownNames.NotPii:
                _notPii = true;
                break;
            case KnownNames.QuasiIdentifier:
                _quasiIdentifier = true;
                break;
            case KnownNames.Sensitive:
                _sensitive = true;
                break;
            case KnownNames.Normal:
            case KnownNames.LogNormal:
            case KnownNames.Uniform:
            case KnownNames.Exponential:
            case KnownNames.Poisson:
            case KnownNames.Zipf:
            case KnownNames.Gamma:
            case KnownNames.Beta:
            case KnownNames.Triangular:
            case KnownNames.Categorical:
            case KnownNames.Probability:
            case KnownNames.DateRange:
            case KnownNames.Pattern:
            case KnownNames.Fake:
            case KnownNames.Sequence:
            case KnownNames.After:
            case KnownNames.References:
            case KnownNames.Derived:
                if (_generation is not null)
                {
                    Report(DiagnosticDescriptors.ConflictingRules, attribute, _member, _generationName!, Short(name));
                }
                else
                {
                    _generation = attribute;
                    _generationName = Short(name);
                }

                break;
            case KnownNames.Clamp:
                _hasClamp = true;
                _clampMin = Num(attribute, 0);
                _clampMax = Num(attribute, 1);
                if (!IsNumeric)
                {
                    NotApplicable(attribute, "Clamp", "it clamps numbers");
                    _hasClamp = false;
                }
                else if (_clampMin > _clampMax)
                {
                    Report(DiagnosticDescriptors.InvalidBounds, attribute, "Clamp", _member, $"min ({Numbers.F(_clampMin)}) is greater than max ({Numbers.F(_clampMax)})");
                    _hasClamp = false;
                }

                break;
            case KnownNames.Round:
                _roundDigits = attribute.ConstructorArguments.Length > 0 ? Int(attribute, 0) : 0;
                if (!IsNumeric)
                {
                    NotApplicable(attribute, "Round", "it rounds numbers");
                    _roundDigits = -1;
                }
                else if (_roundDigits is < 0 or > 15)
                {
                    ReportAt(DiagnosticDescriptors.InvalidBounds, attribute, ArgumentTarget.At(0), "Round", _member, $"digits must be between 0 and 15, not {_roundDigits}");
                    _roundDigits = -1;
                }

                break;
            case KnownNames.NullRate:
                _nullRateAttribute = attribute;
                _nullRate = Num(attribute, 0);
                if (!(_nullRate >= 0 && _nullRate <= 1))
                {
                    ReportAt(DiagnosticDescriptors.ProbabilityOutOfRange, attribute, ArgumentTarget.At(0), "NullRate", _member, "the rate " + Numbers.F(_nullRate));
                    _nullRate = 0;
                }
                else if (!_shape.IsNullable)
                {
                    NotApplicable(attribute, "NullRate", "the member cannot hold null; make its type nullable (T?)");
                    _nullRate = 0;
                }

                break;
            case KnownNames.Children:
                _children = attribute;
                break;
            case KnownNames.Unique:
                if (IsValueList)
                {
                    NotApplicable(attribute, "Unique", "it makes a member unique across rows, not a list's elements");
                    break;
                }

                _uniqueAttribute = attribute;
                _unique = true;
                break;
            case KnownNames.Count:
                if (_shape.Collection == CollectionShape.None)
                {
                    NotApplicable(attribute, "Count", "it sets the element count of lists and arrays");
                    break;
                }

                SetCount(attribute, "Count", Int(attribute, 0), Int(attribute, 1));
                break;
            case KnownNames.Range:
                _range = attribute;
                break;
            case KnownNames.StringLength:
                _lengthAttribute = attribute;
                _lengthIsCount = _shape.Kind == ValueKind.Collection; // on a List<string>: the strings' length
                SetMaxLength(Int(attribute, 0));
                SetMinLength(NamedInt(attribute, "MinimumLength") ?? 0);
                break;
            case KnownNames.MinLength:
                _lengthAttribute = attribute;
                _lengthIsCount = _shape.Collection != CollectionShape.None;
                SetMinLength(Int(attribute, 0));
                break;
            case KnownNames.MaxLength:
                _lengthAttribute = attribute;
                _lengthIsCount = _shape.Collection != CollectionShape.None;
                SetMaxLength(Int(attribute, 0));
                break;
            case KnownNames.EmailAddress:
            case KnownNames.Phone:
            case KnownNames.Url:
            case KnownNames.CreditCard:
                _format = attribute;
                _formatName = Short(name);
                break;
            case KnownNames.Required:
                _required = attribute;
                break;
            case KnownNames.Key:
                _key = true;
                break;
            case KnownNames.OnlyWhen:
                ReadWhen(attribute);
                break;
        }
    }

    /// <summary>[OnlyWhen(member, values…)]: the deciding member's name and its values as text (checked against that member's type later).</summary>
    private void ReadWhen(AttributeData attribute)
    {
        _whenAttribute = attribute;
        string? source = Str(attribute, 0);
        if (string.IsNullOrEmpty(source))
        {
            ReportAt(DiagnosticDescriptors.InvalidTextArgument, attribute, ArgumentTarget.At(0), "OnlyWhen", _member, "the member name is empty");
            return;
        }

        if (!_shape.IsNullable)
        {
            NotApplicable(attribute, "OnlyWhen", "the member is null in the other rows, so it must be nullable (T?)");
            return;
        }

        var values = attribute.ConstructorArguments.Length > 1 && !attribute.ConstructorArguments[1].IsNull ? attribute.ConstructorArguments[1].Values : ImmutableArray<TypedConstant>.Empty;
        if (values.IsEmpty)
        {
            Report(DiagnosticDescriptors.InvalidCategorical, attribute, "OnlyWhen", _member, "it needs at least one value");
            return;
        }

        var labels = new List<string>();
        foreach (var value in values)
        {
            string? label = value.Value switch
            {
                null => null,
                string text => text,
                bool b => b ? "true" : "false",
                _ when value.Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType =>
                    enumType.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, value.Value))?.Name,
                double or float or decimal => null,
                IConvertible number when value.Value is not char => Convert.ToString(number, CultureInfo.InvariantCulture),
                _ => null,
            };
            if (label is null)
            {
                Report(DiagnosticDescriptors.InvalidCategorical, attribute, "OnlyWhen", _member, $"'{value.Value ?? "null"}' cannot name a value: use strings, enum members, booleans or whole numbers");
                return;
            }

            labels.Add(label);
        }

        _whenSource = source;
        _whenValues = labels.ToArray();
    }

    public (RuleModel Rule, ModifiersModel Modifiers, PrivacyModel Privacy) Finish()
    {
        if (_required is not null && _nullRateAttribute is not null && _nullRate > 0)
        {
            Report(DiagnosticDescriptors.ConflictingRules, _nullRateAttribute, _member, "Required", "NullRate");
            _nullRate = 0;
        }

        if (_lengthAttribute is not null)
        {
            if (_countMin < 0 || _countMin > _countMax)
            {
                Report(DiagnosticDescriptors.InvalidBounds, _lengthAttribute, Short(_lengthAttribute.AttributeClass!.Name), _member, $"need 0 ≤ minimum count ≤ maximum count, but have {_countMin} and {_countMax}");
                (_countMin, _countMax) = (Defaults.CountMin, Defaults.CountMax);
            }

            if (_minLength < -1 || (_maxLength >= 0 && _minLength > _maxLength))
            {
                Report(DiagnosticDescriptors.InvalidBounds, _lengthAttribute, Short(_lengthAttribute.AttributeClass!.Name), _member, $"need 0 ≤ minimum length ≤ maximum length, but have {_minLength} and {_maxLength}");
                (_minLength, _maxLength) = (-1, -1);
            }
        }

        RuleModel rule;
        if (_children is not null && Children(_children) is { } children)
        {
            rule = children;
        }
        else if (_generation is not null)
        {
            rule = ParseGeneration(_generation, _generationName!) ?? RuleModel.Simple(RuleKind.Default);
            if (_range is not null && !_hasClamp && ReadRange(_range) is { } bounds)
            {
                // With an explicit distribution, [Range] is a validation constraint: clamp into it.
                _hasClamp = true;
                (_clampMin, _clampMax) = bounds;
            }
        }
        else if (_pii is not null && PiiRule(_pii) is { } piiRule)
        {
            rule = piiRule;
        }
        else if (_pii is null && _format is not null)
        {
            rule = FormatRule(_format, _formatName!) ?? RuleModel.Simple(RuleKind.Default);
        }
        else if (_range is not null && RangeRule(_range) is { } rangeRule)
        {
            rule = rangeRule;
            if (_roundDigits < 0 && rule.Kind == RuleKind.Uniform && (_shape.Kind == ValueKind.Decimal || (_shape.Kind is ValueKind.Double or ValueKind.Single && IsMoneyName(_member))))
            {
                _roundDigits = Defaults.DecimalDigits; // a decimal [Range] is money: cents, not eleven digits ([Round] still wins)
            }
        }
        else if (_key && IsIntegral)
        {
            rule = RuleModel.Simple(RuleKind.Sequence, 1, 1); // an integer [Key] with no rule is the sequence 1, 2, 3 …
        }
        else if (!_key && NameDefault() is { } named)
        {
            rule = named; // the name says what the data is (FirstName, DateOfBirth, PostalCode …): the matching fake
        }
        else
        {
            // A Uri's default is a URL (fake Url), so the column spec says what the values are.
            rule = _shape.Kind == ValueKind.Uri
                ? new RuleModel(RuleKind.Fake, EquatableArray<double>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty, FakeKinds.Url, null)
                : RuleModel.Simple(RuleKind.Default);
            _unique |= _key && _shape.Kind is ValueKind.String or ValueKind.DateTime or ValueKind.DateTimeOffset or ValueKind.DateOnly;
        }

        if (_unique && !UniqueSupported(rule, out string? why))
        {
            Report(DiagnosticDescriptors.UniqueNotSupported, _uniqueAttribute!, _member, why!);
            _unique = false;
        }

        var modifiers = new ModifiersModel(_nullRate, _unique, _hasClamp, _clampMin, _clampMax, _roundDigits, _minLength, _maxLength, _countMin, _countMax)
        {
            WhenSource = _whenSource,
            WhenValues = new EquatableArray<string>(_whenValues),
            IsKey = _key,
        };
        var privacy = new PrivacyModel(_piiKind, _notPii, _quasiIdentifier, _sensitive, LearnedAttribute is not null);
        return (rule, modifiers, privacy);
    }

    private RuleModel? ParseGeneration(AttributeData attribute, string name)
    {
        if (_shape.Kind == ValueKind.Uri && name != "Fake")
        {
            NotApplicable(attribute, name, "a Uri is an https URL of a fake domain (the default, or [Fake(FakeKind.Url)])");
            return null;
        }

        if (IsValueList && name is "Sequence" or "After" or "References" or "Derived")
        {
            NotApplicable(attribute, name, "it relates a member to its row or table; a list's elements are drawn one by one");
            return null;
        }

        switch (name)
        {
            case "Normal":
                return Distribution(attribute, name, RuleKind.Normal, ("standard deviation", 1));
            case "LogNormal":
                return Distribution(attribute, name, RuleKind.LogNormal, ("sigma", 1));
            case "Exponential":
                return Distribution(attribute, name, RuleKind.Exponential, ("rate", 0));
            case "Poisson":
                return Distribution(attribute, name, RuleKind.Poisson, ("lambda", 0));
            case "Gamma":
                return Distribution(attribute, name, RuleKind.Gamma, ("shape", 0), ("rate", 1));
            case "Beta":
                return Distribution(attribute, name, RuleKind.Beta, ("alpha", 0), ("beta", 1));
            case "Zipf":
                {
                    var rule = Distribution(attribute, name, RuleKind.Zipf, ("exponent", 0), ("count", 1));
                    if (rule is not null && rule.Numbers[1] > 10_000_000)
                    {
                        ReportAt(DiagnosticDescriptors.InvalidBounds, attribute, ArgumentTarget.At(1), name, _member, "count must be at most 10,000,000 (the sampler keeps a table of that many ranks)");
                        return null;
                    }

                    return rule;
                }

            case "Uniform":
                {
                    if (!RequireNumeric(attribute, name))
                    {
                        return null;
                    }

                    double min = Num(attribute, 0), max = Num(attribute, 1);
                    return CheckBounds(attribute, name, min, max) ? RuleModel.Simple(RuleKind.Uniform, min, max) : null;
                }

            case "Triangular":
                {
                    if (!RequireNumeric(attribute, name))
                    {
                        return null;
                    }

                    double min = Num(attribute, 0), mode = Num(attribute, 1), max = Num(attribute, 2);
                    if (!(min <= mode && mode <= max && min < max))
                    {
                        Report(DiagnosticDescriptors.InvalidBounds, attribute, name, _member, $"need min ≤ mode ≤ max with min < max, but have {Numbers.F(min)}, {Numbers.F(mode)}, {Numbers.F(max)}");
                        return null;
                    }

                    return RuleModel.Simple(RuleKind.Triangular, min, mode, max);
                }

            case "Probability":
                {
                    if (_shape.Kind != ValueKind.Boolean)
                    {
                        NotApplicable(attribute, name, "it draws booleans");
                        return null;
                    }

                    double p = Num(attribute, 0);
                    if (!(p >= 0 && p <= 1))
                    {
                        ReportAt(DiagnosticDescriptors.ProbabilityOutOfRange, attribute, ArgumentTarget.At(0), name, _member, "the probability " + Numbers.F(p));
                        return null;
                    }

                    return RuleModel.Simple(RuleKind.Probability, p);
                }

            case "DateRange":
                return DateRange(attribute, name, Str(attribute, 0), Str(attribute, 1));
            case "Pattern":
                {
                    if (_shape.Kind != ValueKind.String)
                    {
                        NotApplicable(attribute, name, "patterns make strings");
                        return null;
                    }

                    string? pattern = Str(attribute, 0);
                    if (string.IsNullOrEmpty(pattern) || !PatternIsValid(pattern!))
                    {
                        ReportAt(DiagnosticDescriptors.InvalidTextArgument, attribute, ArgumentTarget.At(0), name, _member, string.IsNullOrEmpty(pattern) ? "the pattern is empty" : "the pattern ends in a lone '\\'; write '\\\\' for a literal backslash");
                        return null;
                    }

                    return new RuleModel(RuleKind.Pattern, EquatableArray<double>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty, 0, pattern);
                }

            case "Fake":
                {
                    int kind = Int(attribute, 0);
                    if (FakeKinds.Name(kind) is null)
                    {
                        ReportAt(DiagnosticDescriptors.InvalidTextArgument, attribute, ArgumentTarget.At(0), name, _member, $"{kind} is not a FakeKind");
                        return null;
                    }

                    if (_shape.Kind != ValueKind.String && !(_shape.Kind == ValueKind.Uri && kind == FakeKinds.Url))
                    {
                        NotApplicable(attribute, name, _shape.Kind == ValueKind.Uri ? "a Uri takes only FakeKind.Url" : "fake values are strings");
                        return null;
                    }

                    return new RuleModel(RuleKind.Fake, EquatableArray<double>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty, kind, null);
                }

            case "Categorical":
                return Categorical(attribute);
            case "Sequence":
                return Sequence(attribute, name);
            case "After":
                return After(attribute, name);
            case "References":
                return References(attribute, name);
            case "Derived":
                return Derived(attribute, name);
        }

        return null;
    }

    /// <summary>
    /// <c>[Derived(nameof(M))]</c>: <c>M</c> is an instance method with no parameters or a static method taking the row,
    /// not private, returning the member's type (or, for a nullable value member, its underlying type). Values[0] says
    /// which (<c>instance</c> or <c>static</c>).
    /// </summary>
    private RuleModel? Derived(AttributeData attribute, string name)
    {
        string? method = Str(attribute, 0);
        if (string.IsNullOrEmpty(method))
        {
            ReportAt(DiagnosticDescriptors.InvalidMemberReference, attribute, ArgumentTarget.At(0), name, _member, "name a method with nameof(…)");
            return null;
        }

        if (Declaring is not { } declaring)
        {
            return new RuleModel(RuleKind.Derived, EquatableArray<double>.Empty, new[] { "instance" }.ToEquatableArray(), EquatableArray<string>.Empty, 0, method);
        }

        var (owner, type) = declaring;
        bool Returns(IMethodSymbol m) =>
            SymbolEqualityComparer.Default.Equals(m.ReturnType, type)
            || (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable && SymbolEqualityComparer.Default.Equals(m.ReturnType, nullable.TypeArguments[0]));
        bool Reachable(IMethodSymbol m) => m.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal;
        IMethodSymbol? found = null;
        string kind = "instance";
        for (var t = owner; t is not null && found is null; t = t.BaseType)
        {
            foreach (var m in t.GetMembers(method!).OfType<IMethodSymbol>())
            {
                if (m.MethodKind != MethodKind.Ordinary || m.IsGenericMethod || !Returns(m) || !Reachable(m))
                {
                    continue;
                }

                if (!m.IsStatic && m.Parameters.Length == 0)
                {
                    found = m;
                    break;
                }

                if (m.IsStatic && m.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(m.Parameters[0].Type, owner) && m.Parameters[0].RefKind == RefKind.None)
                {
                    found = m;
                    kind = "static";
                    break;
                }
            }
        }

        if (found is null)
        {
            string shown = type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
            ReportAt(
                DiagnosticDescriptors.InvalidMemberReference,
                attribute,
                ArgumentTarget.At(0),
                name,
                _member,
                $"'{method}' is not a method of {owner.Name} that computes a {shown} from the row: declare '{shown} {method}()' or 'static {shown} {method}({owner.Name} row)', public or internal");
            return null;
        }

        return new RuleModel(RuleKind.Derived, EquatableArray<double>.Empty, new[] { kind }.ToEquatableArray(), EquatableArray<string>.Empty, 0, method);
    }

    /// <summary>
    /// <c>[Children(typeof(C))]</c> on a list of <c>C</c>: <c>C</c> has a synthesizer and a <c>[References]</c> member naming
    /// this type with children laid out per parent (Fixed or Poisson). Numbers: parents, mode, mean, exponent; Values:
    /// the child synthesizer's full name, the child's schema name, its foreign-key member.
    /// </summary>
    private RuleModel? Children(AttributeData attribute)
    {
        const string name = "Children";
        if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not INamedTypeSymbol child)
        {
            return null;
        }

        void Problem(string why) => ReportAt(DiagnosticDescriptors.InvalidMemberReference, attribute, ArgumentTarget.At(0), name, _member, why);
        if (_shape.Kind != ValueKind.Collection || !SymbolEqualityComparer.Default.Equals(_shape.NestedType, child))
        {
            Problem($"the member must be a list or array of {child.Name}");
            return null;
        }

        if (Declaring is not { } declaring)
        {
            return null;
        }

        var owner = declaring.Owner;

        var schemaAttribute = child.GetAttributes().FirstOrDefault(a => a.AttributeClass is { } c && ValueShape.MetadataName(c) == KnownNames.SyntheticSchema);
        if (schemaAttribute is null)
        {
            Problem($"'{child.Name}' has no synthesizer of its own: mark it [SyntheticSchema]");
            return null;
        }

        foreach (var (member, _, attributes) in KeyCandidates(child))
        {
            var reference = attributes.FirstOrDefault(a => a.AttributeClass is { } c && ValueShape.MetadataName(c) == KnownNames.References
                && a.ConstructorArguments.Length == 1 && SymbolEqualityComparer.Default.Equals(a.ConstructorArguments[0].Value as ITypeSymbol, owner));
            if (reference is null)
            {
                continue;
            }

            int parents = NamedInt(reference, "Parents") ?? 1000;
            int mode = NamedInt(reference, "PerParent") ?? 1;
            double mean = NamedDouble(reference, "Mean") ?? 1;
            double exponent = NamedDouble(reference, "Exponent") ?? 1;
            if (mode is not (2 or 3))
            {
                Problem($"{child.Name}.{member} spreads its children {(mode == 4 ? "by Zipf rank" : "uniformly")} over the child table, so a parent's children are not one run of rows: use PerParent = ChildCount.Fixed or ChildCount.Poisson");
                return null;
            }

            string synthesizer = child.Name + "Synthesizer";
            for (var container = child.ContainingType; container is not null; container = container.ContainingType)
            {
                synthesizer = container.Name + "_" + synthesizer;
            }

            string ns = child.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() + "." : string.Empty;
            string schemaName = ValueShape.NamedString(schemaAttribute, "Name") ?? child.Name;
            return new RuleModel(
                RuleKind.Children,
                new[] { (double)parents, mode, mean, exponent }.ToEquatableArray(),
                new[] { "global::" + ns + synthesizer, schemaName, member }.ToEquatableArray(),
                EquatableArray<string>.Empty,
                0,
                null);
        }

        Problem($"'{child.Name}' has no [References(typeof({owner.Name}))] member");
        return null;
    }

    private RuleModel? Sequence(AttributeData attribute, string name)
    {
        if (!IsIntegral && _shape.Kind != ValueKind.String)
        {
            NotApplicable(attribute, name, "sequences number rows with integers or formatted strings");
            return null;
        }

        var (start, step, format) = SequenceArguments(attribute);
        if (step == 0)
        {
            ReportAt(DiagnosticDescriptors.InvalidBounds, attribute, ArgumentTarget.Named("Step"), name, _member, "the step must not be zero");
            return null;
        }

        if (format is not null)
        {
            if (_shape.Kind != ValueKind.String)
            {
                ReportAt(DiagnosticDescriptors.InvalidTextArgument, attribute, ArgumentTarget.Named("Format"), name, _member, "a format applies to string members only");
                return null;
            }

            if (!FormatIsValid(format))
            {
                ReportAt(DiagnosticDescriptors.InvalidTextArgument, attribute, ArgumentTarget.Named("Format"), name, _member, $"'{format}' is not a composite format of one number, such as \"ORD-{{0:D6}}\"");
                return null;
            }
        }

        return new RuleModel(RuleKind.Sequence, new EquatableArray<double>(new double[] { start, step }), EquatableArray<string>.Empty, EquatableArray<string>.Empty, 0, format);
    }

    /// <summary>A [Sequence]'s start, step and format (defaults 1, 1, none).</summary>
    internal static (long Start, long Step, string? Format) SequenceArguments(AttributeData attribute)
    {
        long start = 1, step = 1;
        string? format = null;
        foreach (var pair in attribute.NamedArguments)
        {
            switch (pair.Key)
            {
                case "Start" when pair.Value.Value is long s:
                    start = s;
                    break;
                case "Step" when pair.Value.Value is long t:
                    step = t;
                    break;
                case "Format":
                    format = pair.Value.Value as string;
                    break;
            }
        }

        return (start, step, format);
    }

    private static bool FormatIsValid(string format)
    {
        try
        {
            string text = string.Format(CultureInfo.InvariantCulture, format, 1L);
            return format.Contains("{0");
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private RuleModel? After(AttributeData attribute, string name)
    {
        bool date = _shape.Kind is ValueKind.DateTime or ValueKind.DateTimeOffset or ValueKind.DateOnly;
        bool number = _shape.Kind is >= ValueKind.SByte and <= ValueKind.Decimal;
        if (!date && !number)
        {
            NotApplicable(attribute, name, "it offsets dates, timestamps and numbers");
            return null;
        }

        string? source = Str(attribute, 0);
        if (string.IsNullOrEmpty(source))
        {
            ReportAt(DiagnosticDescriptors.InvalidTextArgument, attribute, ArgumentTarget.At(0), name, _member, "the member name is empty");
            return null;
        }

        string minText = ValueShape.NamedString(attribute, "Min") ?? "0";
        string maxText = ValueShape.NamedString(attribute, "Max") ?? "30";
        if (!TryOffset(minText, date, out double min))
        {
            ReportAt(DiagnosticDescriptors.InvalidTextArgument, attribute, ArgumentTarget.Named("Min"), name, _member, OffsetProblem(minText, date));
            return null;
        }

        if (!TryOffset(maxText, date, out double max))
        {
            ReportAt(DiagnosticDescriptors.InvalidTextArgument, attribute, ArgumentTarget.Named("Max"), name, _member, OffsetProblem(maxText, date));
            return null;
        }

        if (_shape.Kind == ValueKind.DateOnly)
        {
            // Dates move by whole days.
            min = Math.Ceiling(min / Defaults.SecondsPerDay);
            max = Math.Floor(max / Defaults.SecondsPerDay);
        }

        if (min > max || (IsIntegral && Math.Ceiling(min) > Math.Floor(max)))
        {
            Report(DiagnosticDescriptors.InvalidBounds, attribute, name, _member, $"the offsets {minText} … {maxText} hold no {(_shape.Kind == ValueKind.DateOnly ? "whole day" : IsIntegral ? "integer" : "value")}");
            return null;
        }

        return new RuleModel(RuleKind.After, new EquatableArray<double>(new[] { min, max }), EquatableArray<string>.Empty, EquatableArray<string>.Empty, 0, source);
    }

    private static string OffsetProblem(string text, bool date) =>
        date ? $"'{text}' is not a TimeSpan (\"1.00:00\" is one day, \"30\" thirty days, \"02:30:00\" two and a half hours)" : $"'{text}' is not a number (invariant culture)";

    /// <summary>An offset: TimeSpan text in whole seconds for dates and timestamps, a number otherwise.</summary>
    private static bool TryOffset(string text, bool date, out double value)
    {
        value = 0;
        if (date)
        {
            if (!TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span))
            {
                return false;
            }

            value = Math.Floor(span.Ticks / (double)TimeSpan.TicksPerSecond);
            return true;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && !double.IsNaN(value) && !double.IsInfinity(value);
    }

    private RuleModel? References(AttributeData attribute, string name)
    {
        if (!IsIntegral && _shape.Kind != ValueKind.String)
        {
            NotApplicable(attribute, name, "foreign keys are integers or strings");
            return null;
        }

        if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not INamedTypeSymbol parent)
        {
            return null;
        }

        int parents = NamedInt(attribute, "Parents") ?? 1000;
        int mode = NamedInt(attribute, "PerParent") ?? 1;
        double mean = NamedDouble(attribute, "Mean") ?? 1;
        double exponent = NamedDouble(attribute, "Exponent") ?? 1;
        if (parents <= 0)
        {
            ReportAt(DiagnosticDescriptors.NonPositiveParameter, attribute, ArgumentTarget.Named("Parents"), name, _member, "Parents", parents.ToString(CultureInfo.InvariantCulture));
            return null;
        }

        if (mode is < 1 or > 4)
        {
            ReportAt(DiagnosticDescriptors.InvalidTextArgument, attribute, ArgumentTarget.Named("PerParent"), name, _member, $"{mode} is not a ChildCount");
            return null;
        }

        if (!(mean > 0) || double.IsInfinity(mean) || mean > 1_000_000 || (mode == 2 && Math.Floor(mean) != mean))
        {
            ReportAt(DiagnosticDescriptors.NonPositiveParameter, attribute, ArgumentTarget.Named("Mean"), name, _member, mode == 2 ? "Mean (a whole number of children per parent)" : "Mean (at most 1,000,000)", Numbers.F(mean));
            return null;
        }

        if (mode == 4 && (!(exponent > 0) || double.IsInfinity(exponent)))
        {
            ReportAt(DiagnosticDescriptors.NonPositiveParameter, attribute, ArgumentTarget.Named("Exponent"), name, _member, "Exponent", Numbers.F(exponent));
            return null;
        }

        if (mode == 4 && parents > 10_000_000)
        {
            ReportAt(DiagnosticDescriptors.InvalidBounds, attribute, ArgumentTarget.Named("Parents"), name, _member, "a Zipf spread covers at most 10,000,000 parents (the sampler keeps a table of that many ranks)");
            return null;
        }

        var key = ParentKey(parent);
        if (key is null)
        {
            ReportAt(DiagnosticDescriptors.InvalidMemberReference, attribute, ArgumentTarget.At(0), name, _member, $"'{parent.Name}' has no key to reference: give it a [Sequence] member or an integer [Key]");
            return null;
        }

        var (keyMember, start, step, format, keyIsString) = key.Value;
        if (keyIsString && _shape.Kind != ValueKind.String)
        {
            ReportAt(DiagnosticDescriptors.InvalidMemberReference, attribute, ArgumentTarget.At(0), name, _member, $"the key {parent.Name}.{keyMember} is a string, so the foreign key must be a string too");
            return null;
        }

        var schemaAttribute = parent.GetAttributes().FirstOrDefault(a => a.AttributeClass is { } c && ValueShape.MetadataName(c) == KnownNames.SyntheticSchema);
        string parentSchema = (schemaAttribute is null ? null : ValueShape.NamedString(schemaAttribute, "Name")) ?? parent.Name;
        return new RuleModel(
            RuleKind.Reference,
            new EquatableArray<double>(new[] { parents, start, step, mode, mean, exponent }),
            new EquatableArray<string>(new[] { parentSchema, keyMember }),
            EquatableArray<string>.Empty,
            0,
            format);
    }

    /// <summary>
    /// The parent's key: its [Key] member (numbered by its own [Sequence], or 1, 2, 3 … when an integer has none), else
    /// its first [Sequence] member.
    /// </summary>
    private static (string Member, long Start, long Step, string? Format, bool IsString)? ParentKey(INamedTypeSymbol parent)
    {
        (string, long, long, string?, bool)? sequence = null;
        foreach (var (symbol, type, attributes) in KeyCandidates(parent))
        {
            bool isString = type.SpecialType == SpecialType.System_String;
            bool integral = type.SpecialType is >= SpecialType.System_SByte and <= SpecialType.System_UInt64;
            if (!isString && !integral)
            {
                continue;
            }

            AttributeData? sequenceAttribute = null;
            bool key = false;
            foreach (var attribute in attributes)
            {
                string? name = attribute.AttributeClass is { } c ? ValueShape.MetadataName(c) : null;
                sequenceAttribute = name == KnownNames.Sequence ? attribute : sequenceAttribute;
                key |= name == KnownNames.Key;
            }

            (string, long, long, string?, bool)? numbered = sequenceAttribute is null ? null : Numbered(symbol, sequenceAttribute, isString);
            if (key)
            {
                return numbered ?? (integral ? (symbol, 1L, 1L, null, false) : null);
            }

            sequence ??= numbered;
        }

        return sequence;

        static (string, long, long, string?, bool) Numbered(string member, AttributeData attribute, bool isString)
        {
            var (start, step, format) = SequenceArguments(attribute);
            return (member, start, step, isString ? format : null, isString);
        }
    }

    private static IEnumerable<(string Name, ITypeSymbol Type, ImmutableArray<AttributeData> Attributes)> KeyCandidates(INamedTypeSymbol parent)
    {
        for (var t = parent; t is not null && t.SpecialType != SpecialType.System_Object; t = t.BaseType)
        {
            foreach (var member in t.GetMembers())
            {
                if (member is IPropertySymbol { IsStatic: false } p)
                {
                    yield return (p.Name, p.Type, p.GetAttributes());
                }
                else if (member is IFieldSymbol { IsStatic: false, IsImplicitlyDeclared: false } f)
                {
                    yield return (f.Name, f.Type, f.GetAttributes());
                }
            }

            foreach (var constructor in t.InstanceConstructors)
            {
                foreach (var parameter in constructor.Parameters)
                {
                    yield return (parameter.Name, parameter.Type, parameter.GetAttributes());
                }
            }
        }
    }

    private static double? NamedDouble(AttributeData attribute, string name)
    {
        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Key == name && pair.Value.Value is IConvertible value)
            {
                return Convert.ToDouble(value, CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    private RuleModel? Distribution(AttributeData attribute, string name, RuleKind kind, params (string Name, int Index)[] positive)
    {
        if (!RequireNumeric(attribute, name))
        {
            return null;
        }

        var numbers = attribute.ConstructorArguments.Select(a => Convert.ToDouble(a.Value, CultureInfo.InvariantCulture)).ToArray();
        foreach (var (parameter, index) in positive)
        {
            if (!(numbers[index] > 0) || double.IsInfinity(numbers[index]))
            {
                ReportAt(DiagnosticDescriptors.NonPositiveParameter, attribute, ArgumentTarget.At(index), name, _member, parameter, Numbers.F(numbers[index]));
                return null;
            }
        }

        return new RuleModel(kind, new EquatableArray<double>(numbers), EquatableArray<string>.Empty, EquatableArray<string>.Empty, 0, null);
    }

    private RuleModel? PiiRule(AttributeData attribute)
    {
        string? kindName = PiiKinds.Name(_piiKind);
        if (kindName is null)
        {
            ReportAt(DiagnosticDescriptors.InvalidTextArgument, attribute, ArgumentTarget.At(0), "Pii", _member, $"{_piiKind} is not a PiiKind");
            return null;
        }

        bool fits = _piiKind switch
        {
            PiiKinds.DateOfBirth => IsDate,
            PiiKinds.Latitude or PiiKinds.Longitude => _shape.Kind is ValueKind.Double or ValueKind.Single or ValueKind.Decimal,
            PiiKinds.DeviceId => _shape.Kind is ValueKind.String or ValueKind.Guid,
            _ => _shape.Kind == ValueKind.String,
        };
        if (!fits)
        {
            NotApplicable(attribute, "Pii(PiiKind." + kindName + ")", "that kind makes " + (_piiKind switch
            {
                PiiKinds.DateOfBirth => "dates",
                PiiKinds.Latitude or PiiKinds.Longitude => "floating-point or decimal degrees",
                PiiKinds.DeviceId => "strings or GUIDs",
                _ => "strings",
            }) + "; add a generation attribute such as [Pattern] or [Uniform] to say how to make this member");
            return null;
        }

        return new RuleModel(RuleKind.PiiFake, EquatableArray<double>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty, _piiKind, null);
    }

    private RuleModel? FormatRule(AttributeData attribute, string name)
    {
        if (_shape.Kind != ValueKind.String)
        {
            return null;
        }

        return name switch
        {
            "EmailAddress" => new RuleModel(RuleKind.PiiFake, EquatableArray<double>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty, PiiKinds.Email, null),
            "Phone" => new RuleModel(RuleKind.PiiFake, EquatableArray<double>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty, PiiKinds.Phone, null),
            "CreditCard" => new RuleModel(RuleKind.PiiFake, EquatableArray<double>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty, PiiKinds.CreditCardNumber, null),
            _ => new RuleModel(RuleKind.Fake, EquatableArray<double>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty, FakeKinds.Url, null),
        };
    }

    private RuleModel? RangeRule(AttributeData attribute)
    {
        if (IsDate && attribute.ConstructorArguments.Length == 3)
        {
            return DateRange(attribute, "Range", Str(attribute, 1), Str(attribute, 2));
        }

        if (!IsNumeric)
        {
            NotApplicable(attribute, "Range", "SynthKit draws [Range] as a uniform number");
            return null;
        }

        return ReadRange(attribute) is { } bounds && CheckBounds(attribute, "Range", bounds.Min, bounds.Max)
            ? RuleModel.Simple(RuleKind.Uniform, bounds.Min, bounds.Max)
            : null;
    }

    /// <summary>
    /// For a member with no rule: the fake its name asks for, when the privacy analyzer recognises the name (the analyzer
    /// still asks for the privacy mark; the data is already right) and the kind fits the member's type.
    /// </summary>
    private RuleModel? NameDefault()
    {
        if (NameHeuristics.PersonalKind(_member) is not { } kindName)
        {
            return null;
        }

        int kind = Array.IndexOf(s_piiNames, kindName);
        bool fits = kind switch
        {
            PiiKinds.DateOfBirth => IsDate,
            PiiKinds.Latitude or PiiKinds.Longitude => _shape.Kind is ValueKind.Double or ValueKind.Single or ValueKind.Decimal,
            PiiKinds.DeviceId => _shape.Kind is ValueKind.String or ValueKind.Guid,
            > 0 => _shape.Kind == ValueKind.String,
            _ => false,
        };
        return fits ? new RuleModel(RuleKind.PiiFake, EquatableArray<double>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty, kind, null) : null;
    }

    private static readonly string?[] s_piiNames = Enumerable.Range(0, 25).Select(PiiKinds.Name).ToArray();

    /// <summary>Whether a member's name says it holds an amount of money (Price, UnitCost, TotalAmount, Salary …).</summary>
    internal static bool IsMoneyName(string name)
    {
        foreach (var word in new[] { "price", "cost", "amount", "total", "fee", "balance", "salary", "wage", "payment", "charge", "tax", "discount", "revenue", "income", "budget", "subtotal", "refund" })
        {
            if (name.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private (double Min, double Max)? ReadRange(AttributeData attribute)
    {
        var args = attribute.ConstructorArguments;
        if (args.Length == 2)
        {
            return (Convert.ToDouble(args[0].Value, CultureInfo.InvariantCulture), Convert.ToDouble(args[1].Value, CultureInfo.InvariantCulture));
        }

        if (args.Length == 3
            && double.TryParse(args[1].Value as string, NumberStyles.Float, CultureInfo.InvariantCulture, out double min)
            && double.TryParse(args[2].Value as string, NumberStyles.Float, CultureInfo.InvariantCulture, out double max))
        {
            return (min, max);
        }

        if (args.Length == 3)
        {
            Report(DiagnosticDescriptors.InvalidTextArgument, attribute, "Range", _member, "the bounds are not invariant-culture numbers");
        }

        return null;
    }

    private RuleModel? DateRange(AttributeData attribute, string name, string? minText, string? maxText)
    {
        if (!IsDate)
        {
            NotApplicable(attribute, name, "it draws dates (DateTime, DateTimeOffset or DateOnly)");
            return null;
        }

        if (!TryParseDate(minText, out var min) || !TryParseDate(maxText, out var max))
        {
            string? bad = TryParseDate(minText, out _) ? maxText : minText;
        ReportAt(DiagnosticDescriptors.InvalidTextArgument, attribute, ArgumentHolding(attribute, bad), name, _member, $"'{bad}' is not an ISO 8601 date (yyyy-MM-dd) or timestamp (yyyy-MM-ddTHH:mm:ss)");
            return null;
        }

        double minSeconds = min.Ticks / TimeSpan.TicksPerSecond;
        double maxSeconds = max.Ticks / TimeSpan.TicksPerSecond;
        bool inclusive = _shape.Kind == ValueKind.DateOnly;
        if (inclusive ? minSeconds > maxSeconds : minSeconds >= maxSeconds)
        {
            Report(DiagnosticDescriptors.InvalidBounds, attribute, name, _member, inclusive
                ? $"min ({minText}) is after max ({maxText})"
                : $"min ({minText}) must be before max ({maxText}): timestamps are drawn from [min, max)");
            return null;
        }

        return RuleModel.Simple(RuleKind.DateRange, minSeconds, maxSeconds);
    }

    private RuleModel? Categorical(AttributeData attribute)
    {
        if (!(_shape.Kind is ValueKind.String or ValueKind.Enum or ValueKind.Boolean or ValueKind.Char || (IsNumeric && _shape.Kind != ValueKind.TimeSpan)))
        {
            NotApplicable(attribute, "Categorical", "categorical values must be strings, enum members, characters, booleans or numbers");
            return null;
        }

        var valuesArgument = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0] : default;
        var values = valuesArgument.Kind == TypedConstantKind.Array ? valuesArgument.Values : ImmutableArray<TypedConstant>.Empty;
        if (values.IsDefaultOrEmpty)
        {
            Report(DiagnosticDescriptors.InvalidCategorical, attribute, _member, "give at least one value");
            return null;
        }

        var literals = new List<string>();
        var labels = new List<string>();
        for (int i = 0; i < values.Length; i++)
        {
            var value = values[i];
            if (!TryLiteral(value, out string? literal, out string? label, out string? problem))
            {
                ReportAt(DiagnosticDescriptors.InvalidCategorical, attribute, ArgumentTarget.At(i), _member, problem!);
                return null;
            }

            literals.Add(literal!);
            labels.Add(label!);
        }

        double[] weights = Array.Empty<double>();
        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Key == "Weights" && !pair.Value.IsNull && pair.Value.Kind == TypedConstantKind.Array)
            {
                weights = pair.Value.Values.Select(v => Convert.ToDouble(v.Value, CultureInfo.InvariantCulture)).ToArray();
            }
        }

        if (weights.Length > 0)
        {
            if (weights.Length != literals.Count)
            {
                ReportAt(DiagnosticDescriptors.InvalidCategorical, attribute, ArgumentTarget.Named("Weights"), _member, $"{literals.Count} value(s) but {weights.Length} weight(s); give one weight per value");
                return null;
            }

            if (weights.Any(w => !(w >= 0) || double.IsInfinity(w)) || !(weights.Sum() > 0))
            {
                ReportAt(DiagnosticDescriptors.InvalidCategorical, attribute, ArgumentTarget.Named("Weights"), _member, "weights must be finite, not negative, and sum to a positive number");
                return null;
            }
        }

        return new RuleModel(RuleKind.Categorical, new EquatableArray<double>(weights), literals.ToEquatableArray(), labels.ToEquatableArray(), 0, null);
    }

    /// <summary>NaN (and, but for clamp bounds, infinity) has no meaning as a rule parameter: SK3011 at the argument.</summary>
    private bool FiniteArguments(AttributeData attribute, bool allowInfinity)
    {
        for (int i = 0; i < attribute.ConstructorArguments.Length; i++)
        {
            if (NonFinite(attribute.ConstructorArguments[i], allowInfinity) is { } bad)
            {
                ReportAt(DiagnosticDescriptors.InvalidTextArgument, attribute, ArgumentTarget.At(i), ShortName(attribute), _member, bad + " is not a finite number");
                return false;
            }
        }

        foreach (var pair in attribute.NamedArguments)
        {
            if (NonFinite(pair.Value, allowInfinity) is { } bad)
            {
                ReportAt(DiagnosticDescriptors.InvalidTextArgument, attribute, ArgumentTarget.Named(pair.Key), ShortName(attribute), _member, bad + " is not a finite number");
                return false;
            }
        }

        return true;

        static string? NonFinite(TypedConstant constant, bool allowInfinity)
        {
            if (constant.Kind == TypedConstantKind.Array)
            {
                return constant.IsNull ? null : constant.Values.Select(v => NonFinite(v, allowInfinity)).FirstOrDefault(v => v is not null);
            }

            double? number = constant.Value switch { double d => d, float f => f, _ => null };
            return number is { } x && (double.IsNaN(x) || (!allowInfinity && double.IsInfinity(x))) ? x.ToString(CultureInfo.InvariantCulture) : null;
        }
    }

    private static string ShortName(AttributeData attribute)
    {
        string name = attribute.AttributeClass?.Name ?? "attribute";
        return name.EndsWith("Attribute", StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;
    }

    private static bool HasErrors(AttributeData attribute)
    {
        foreach (var argument in attribute.ConstructorArguments)
        {
            if (IsError(argument))
            {
                return true;
            }
        }

        foreach (var pair in attribute.NamedArguments)
        {
            if (IsError(pair.Value))
            {
                return true;
            }
        }

        return false;

        static bool IsError(TypedConstant constant) =>
            constant.Kind == TypedConstantKind.Error || (constant.Kind == TypedConstantKind.Array && !constant.IsNull && constant.Values.Any(IsError));
    }

    private bool TryLiteral(TypedConstant value, out string? literal, out string? label, out string? problem)
    {
        literal = label = problem = null;
        if (value.Kind == TypedConstantKind.Array)
        {
            problem = "a categorical value cannot itself be an array; list the values one by one";
            return false;
        }

        object? raw = value.Value;
        if (raw is null)
        {
            if (_shape.IsNullable && _shape.Kind == ValueKind.String)
            {
                literal = "null";
                label = "null";
                return true;
            }

            problem = "null is not a value of this member; use [NullRate] on a nullable member";
            return false;
        }

        switch (_shape.Kind)
        {
            case ValueKind.String when raw is string s:
                literal = SymbolDisplay.FormatLiteral(s, quote: true);
                label = s;
                return true;
            case ValueKind.Char when raw is char c:
                literal = SymbolDisplay.FormatLiteral(c, quote: true);
                label = c.ToString();
                return true;
            case ValueKind.Char when raw is string { Length: 1 } cs:
                literal = SymbolDisplay.FormatLiteral(cs[0], quote: true);
                label = cs;
                return true;
            case ValueKind.Boolean when raw is bool b:
                literal = b ? "true" : "false";
                label = literal;
                return true;
            case ValueKind.Enum:
                {
                    var enumType = value.Type as INamedTypeSymbol;
                    var names = _shape.EnumNames;
                    string? member = null;
                    if (raw is string text)
                    {
                        member = names.FirstOrDefault(n => n == text);
                    }
                    else if (enumType is { TypeKind: TypeKind.Enum } && ValueShape.FullName(enumType) == _shape.TypeName)
                    {
                        member = enumType.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, raw))?.Name;
                    }

                    if (member is null)
                    {
                        problem = $"'{raw}' is not a member of {_shape.TypeName.Replace("global::", string.Empty)}";
                        return false;
                    }

                    literal = _shape.TypeName + "." + (Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(member) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None ? "@" + member : member);
                    label = member;
                    return true;
                }

            default:
                if (IsNumeric && raw is IConvertible && raw is not string and not bool and not char)
                {
                    double number = Convert.ToDouble(raw, CultureInfo.InvariantCulture);
                    if (IsIntegral && (Math.Floor(number) != number || number < Numbers.MinOf(_shape.Kind) || number > Numbers.MaxOf(_shape.Kind)))
                    {
                        problem = $"{Numbers.F(number)} is not a value of type {_shape.TypeName.Replace("global::", string.Empty)}";
                        return false;
                    }

                    if (_shape.Kind == ValueKind.Decimal && Math.Abs(number) > 7.9E28)
                    {
                        problem = $"{Numbers.F(number)} is outside the range of decimal";
                        return false;
                    }

                    if (_shape.Kind == ValueKind.Single && Math.Abs(number) > float.MaxValue)
                    {
                        problem = $"{Numbers.F(number)} is outside the range of float";
                        return false;
                    }

                    string text = raw is double or float ? Numbers.F(number) : Convert.ToString(raw, CultureInfo.InvariantCulture)!;
                    literal = "(" + _shape.TypeName + ")" + (raw is decimal ? text + "m" : raw is double or float ? text + "d" : text + (raw is ulong ? "UL" : raw is long ? "L" : string.Empty));
                    label = text;
                    return true;
                }

                problem = $"'{raw}' ({value.Type?.ToDisplayString()}) is not a value of type {_shape.TypeName.Replace("global::", string.Empty)}";
                return false;
        }
    }

    private bool UniqueSupported(RuleModel rule, out string? why)
    {
        why = null;
        switch (_shape.Kind)
        {
            case ValueKind.Guid:
            case >= ValueKind.SByte and <= ValueKind.UInt64 or ValueKind.String when rule.Kind == RuleKind.Sequence:
                return true;
            case ValueKind.String when rule.Kind is RuleKind.Pattern or RuleKind.Categorical or RuleKind.PiiFake or RuleKind.Fake or RuleKind.Default:
                return true;
            case ValueKind.Enum when rule.Kind is RuleKind.Default or RuleKind.Categorical:
                return true;
            case >= ValueKind.SByte and <= ValueKind.UInt64 when rule.Kind is RuleKind.Default or RuleKind.Uniform or RuleKind.Categorical:
                return true;
            case ValueKind.DateTime or ValueKind.DateTimeOffset or ValueKind.DateOnly when rule.Kind is RuleKind.Default or RuleKind.DateRange:
                return true;
            case ValueKind.Boolean:
                why = "a boolean has only two values";
                return false;
            default:
                why = rule.Kind == RuleKind.Default
                    ? $"values of type {_shape.TypeName.Replace("global::", string.Empty)} cannot be made unique"
                    : $"[{RuleName(rule.Kind)}] draws values that can repeat; unique members take integers, dates, enums, categorical values, patterns, fakes or GUIDs";
                return false;
        }
    }

    private static string RuleName(RuleKind kind) => kind switch
    {
        RuleKind.PiiFake => "Pii",
        _ => kind.ToString(),
    };

    private bool RequireNumeric(AttributeData attribute, string name)
    {
        if (IsNumeric)
        {
            return true;
        }

        NotApplicable(attribute, name, "it draws numbers");
        return false;
    }

    private bool CheckBounds(AttributeData attribute, string name, double min, double max)
    {
        if (min > max)
        {
            Report(DiagnosticDescriptors.InvalidBounds, attribute, name, _member, $"min ({Numbers.F(min)}) is greater than max ({Numbers.F(max)})");
            return false;
        }

        if (IsIntegral && Math.Ceiling(min) > Math.Floor(max))
        {
            Report(DiagnosticDescriptors.InvalidBounds, attribute, name, _member, $"no integer lies between {Numbers.F(min)} and {Numbers.F(max)}");
            return false;
        }

        return true;
    }

    /// <summary>The most elements a generated list may hold: beyond it one row would exhaust memory.</summary>
    internal const int MaxElements = 100_000;

    /// <summary>The longest generated text: beyond it one value would exhaust memory.</summary>
    internal const int MaxTextLength = 1_000_000;

    private void SetCount(AttributeData attribute, string name, int min, int max)
    {
        if (min < 0 || min > max)
        {
            Report(DiagnosticDescriptors.InvalidBounds, attribute, name, _member, $"need 0 ≤ min ≤ max, but have {min} and {max}");
            return;
        }

        if (max > MaxElements)
        {
            Report(DiagnosticDescriptors.InvalidBounds, attribute, name, _member, $"at most {MaxElements:N0} elements per list can be generated, but max is {max}");
            return;
        }

        _countMin = min;
        _countMax = max;
    }

    private void SetMinLength(int min)
    {
        int limit = _lengthIsCount ? MaxElements : MaxTextLength;
        if (min > limit && _lengthAttribute is not null)
        {
            Report(DiagnosticDescriptors.InvalidBounds, _lengthAttribute, ShortName(_lengthAttribute), _member, $"at most {limit:N0} {(_lengthIsCount ? "elements" : "characters")} can be generated, but the minimum is {min}");
            return;
        }

        if (_lengthIsCount)
        {
            _countMin = min;
            _countMax = Math.Max(_countMax, min);
        }
        else if (_shape.Kind == ValueKind.String)
        {
            _minLength = min;
        }
    }

    private void SetMaxLength(int max)
    {
        if (_lengthIsCount)
        {
            // DataAnnotations' "no limit" (int.MaxValue) must not become a list of two billion elements.
            max = Math.Min(max, MaxElements);
            _countMax = max;
            _countMin = Math.Min(_countMin, max);
        }
        else if (_shape.Kind == ValueKind.String)
        {
            _maxLength = max;
        }
    }

    private void NotApplicable(AttributeData attribute, string name, string reason) =>
        Report(DiagnosticDescriptors.RuleNotApplicable, attribute, name, _member, _shape.TypeName.Replace("global::", string.Empty) + (_shape.IsNullable ? "?" : string.Empty), reason);

    private void Report(DiagnosticDescriptor descriptor, AttributeData attribute, params string[] arguments) =>
        _report(descriptor, attribute, ArgumentTarget.Whole, arguments);

    private void ReportAt(DiagnosticDescriptor descriptor, AttributeData attribute, ArgumentTarget target, params string[] arguments) =>
        _report(descriptor, attribute, target, arguments);

    /// <summary>The positional argument whose constant is <paramref name="value"/>, for pointing at it.</summary>
    private static ArgumentTarget ArgumentHolding(AttributeData attribute, string? value)
    {
        for (int i = 0; i < attribute.ConstructorArguments.Length; i++)
        {
            if (attribute.ConstructorArguments[i].Kind != TypedConstantKind.Array && Equals(attribute.ConstructorArguments[i].Value, value))
            {
                return ArgumentTarget.At(i);
            }
        }

        return ArgumentTarget.Whole;
    }

    private static bool TryParseDate(string? text, out DateTime value) =>
        DateTime.TryParseExact(text, new[] { "yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss" }, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    private static bool PatternIsValid(string pattern)
    {
        for (int i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\' && ++i == pattern.Length)
            {
                return false;
            }
        }

        return true;
    }

    private static string Short(string metadataName)
    {
        string last = metadataName.Substring(metadataName.LastIndexOf('.') + 1);
        return last.EndsWith("Attribute", StringComparison.Ordinal) ? last.Substring(0, last.Length - "Attribute".Length) : last;
    }

    private static double Num(AttributeData attribute, int index) =>
        attribute.ConstructorArguments.Length > index ? Convert.ToDouble(attribute.ConstructorArguments[index].Value ?? 0, CultureInfo.InvariantCulture) : 0;

    private static int Int(AttributeData attribute, int index) =>
        attribute.ConstructorArguments.Length > index ? Convert.ToInt32(attribute.ConstructorArguments[index].Value ?? 0, CultureInfo.InvariantCulture) : 0;

    private static string? Str(AttributeData attribute, int index) =>
        attribute.ConstructorArguments.Length > index ? attribute.ConstructorArguments[index].Value as string : null;

    private static int? NamedInt(AttributeData attribute, string name)
    {
        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Key == name && pair.Value.Value is int value)
            {
                return value;
            }
        }

        return null;
    }
}

/// <summary>Formatting and type-range helpers shared by parsing, validation and emission.</summary>
internal static class Numbers
{
    internal static string F(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    internal static double MinOf(ValueKind kind) => kind switch
    {
        ValueKind.SByte => sbyte.MinValue,
        ValueKind.Byte => byte.MinValue,
        ValueKind.Int16 => short.MinValue,
        ValueKind.UInt16 => ushort.MinValue,
        ValueKind.Int32 => int.MinValue,
        ValueKind.UInt32 => uint.MinValue,
        ValueKind.Int64 => -9.2233720368547748E18,
        ValueKind.UInt64 => 0,
        _ => double.MinValue,
    };

    internal static double MaxOf(ValueKind kind) => kind switch
    {
        ValueKind.SByte => sbyte.MaxValue,
        ValueKind.Byte => byte.MaxValue,
        ValueKind.Int16 => short.MaxValue,
        ValueKind.UInt16 => ushort.MaxValue,
        ValueKind.Int32 => int.MaxValue,
        ValueKind.UInt32 => uint.MaxValue,
        ValueKind.Int64 => 9.2233720368547748E18,
        ValueKind.UInt64 => 1.8446744073709550E19,
        _ => double.MaxValue,
    };
}
