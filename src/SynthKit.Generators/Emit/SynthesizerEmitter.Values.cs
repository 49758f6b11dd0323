using SynthKit.CodeAnalysis;
using System;
using System.Globalization;
using System.Linq;
using SynthKit.Generators.Model;
using SynthKit.Generators.Parsing;

namespace SynthKit.Generators.Emit;

internal sealed partial class SynthesizerEmitter
{
    private const string Dist = "global::MathNet.Numerics.Distributions";

    /// <summary>Static data a member's rule needs: categorical values and weight tables, compiled patterns, Zipf tables.</summary>
    private void EmitMemberStatics(TypeModel type, MemberModel member)
    {
        var rule = member.Rule;
        switch (rule.Kind)
        {
            case RuleKind.Categorical:
                _w.WriteLine($"private static readonly {member.TypeName}{(rule.Values.Any(v => v == "null") ? "?" : string.Empty)}[] {StaticName(type, member, "values")} = {{ {string.Join(", ", rule.Values)} }};");
                if (rule.Numbers.Count > 0)
                {
                    _w.WriteLine($"private static readonly {Gen}.WeightedTable {StaticName(type, member, "weights")} = new({string.Join(", ", rule.Numbers.Select(D))});");
                }

                break;
            case RuleKind.Pattern:
                _w.WriteLine($"private static readonly {Gen}.CompiledPattern {StaticName(type, member, "pattern")} = new({Str(rule.Text!)});");
                break;
            case RuleKind.Zipf:
                _w.WriteLine($"private static readonly {Gen}.WeightedTable {StaticName(type, member, "zipf")} = {Gen}.WeightedTable.Zipf({D(rule.Numbers[0])}, {(int)rule.Numbers[1]});");
                break;
        }
    }

    /// <summary>Writes the statements that compute one member's value into its local.</summary>
    private void EmitMemberValue(TypeModel type, MemberModel member, bool isRoot)
    {
        string v = Local(member);
        _w.WriteLine("// " + Comment(member.Name + ": " + RuleText.Describe(member, _enums)));
        _w.WriteLine(isRoot
            ? $"random.Reset({BaseField(member)}, index);"
            : $"random.Reset(scope, {KeyName(type, member)}, index);");
        _w.WriteLine($"{member.DeclaredType} {v};");
        if (member.Rule.Kind == RuleKind.Derived)
        {
            _w.WriteLine($"bool {v}_derive = false;");
        }

        bool hasElse = false;
        if (isRoot)
        {
            _w.WriteLine($"if ({OverrideField(member)} is {{ }} with{member.Name})");
            _w.OpenBlock();
            _w.WriteLine($"{v} = with{member.Name}(random);");
            _w.CloseBlock();
            hasElse = true;
        }

        if (member.Modifiers.WhenSource is { } when)
        {
            var source = type.Members.First(m => m.Name == when);
            _w.WriteLine($"{(hasElse ? "else " : string.Empty)}if ({Local(source)} is not ({string.Join(" or ", member.Modifiers.WhenValues.Select(label => Constant(source, label)))}))");
            _w.OpenBlock();
            _w.WriteLine($"{v} = null;");
            _w.CloseBlock();
            hasElse = true;
        }

        if (member.Modifiers.NullRate > 0)
        {
            _w.WriteLine($"{(hasElse ? "else " : string.Empty)}if (random.Chance({D(member.Modifiers.NullRate)}))");
            _w.OpenBlock();
            _w.WriteLine($"{v} = null;");
            _w.CloseBlock();
            hasElse = true;
        }

        // Each draw gets its own block, so its temporaries never collide with another member's.
        if (hasElse)
        {
            _w.WriteLine("else");
        }

        _w.OpenBlock();
        EmitDraw(type, member, v);
        _w.CloseBlock();

        _w.WriteLine();
    }

    /// <summary>A member's value as a constant pattern: an enum member, a string, a boolean or an integer.</summary>
    private string Constant(MemberModel source, string label) => source.Kind switch
    {
        ValueKind.Enum => source.TypeName + "." + Id(label),
        ValueKind.String => Str(label),
        _ => label,
    };

    private void EmitDraw(TypeModel type, MemberModel member, string v)
    {
        var rule = member.Rule;
        if (member.ElementKind is not null)
        {
            EmitCollection(type, member, v); // a list of values: the rule is its elements'
            return;
        }

        if (rule.Kind == RuleKind.Derived)
        {
            // Computed once every drawn member has its value (EmitDerived).
            _w.WriteLine($"{v} = default!;");
            _w.WriteLine($"{v}_derive = true;");
            return;
        }

        if (rule.Kind == RuleKind.After)
        {
            var source = type.Members.First(m => m.Name == rule.Text);
            if (source.IsNullable)
            {
                _w.WriteLine($"if ({Local(source)} is {{ }} after)");
                _w.OpenBlock();
                EmitAfter(type, member, v, "after");
                _w.CloseBlock();
                _w.WriteLine("else");
                _w.OpenBlock();
                _w.WriteLine($"{v} = null;");
                _w.CloseBlock();
            }
            else
            {
                EmitAfter(type, member, v, Local(source));
            }

            return;
        }

        if (rule.Kind == RuleKind.Categorical)
        {
            string values = StaticName(type, member, "values");
            string pick = member.Modifiers.Unique
                ? $"(int){Permute(type, member, UL(rule.Values.Count))}"
                : rule.Numbers.Count > 0 ? $"{StaticName(type, member, "weights")}.Sample(random)" : $"random.Below({rule.Values.Count})";
            _w.WriteLine($"{v} = {values}[{pick}];");
            return;
        }

        switch (member.Kind)
        {
            case ValueKind.Boolean:
                _w.WriteLine($"{v} = random.Chance({D(rule.Kind == RuleKind.Probability ? rule.Numbers[0] : 0.5)});");
                break;
            case ValueKind.Char:
                _w.WriteLine($"{v} = (char)('a' + random.Below(26));");
                break;
            case >= ValueKind.SByte and <= ValueKind.Decimal:
            case ValueKind.TimeSpan:
                EmitNumber(type, member, v);
                break;
            case ValueKind.String:
                EmitString(type, member, v);
                break;
            case ValueKind.Guid:
                _w.WriteLine($"{v} = random.NextGuid();");
                break;
            case ValueKind.Uri:
                _w.WriteLine($"{v} = new global::System.Uri({Gen}.Fakes.Url(random));");
                break;
            case ValueKind.DateTime:
            case ValueKind.DateTimeOffset:
                EmitTimestamp(type, member, v);
                break;
            case ValueKind.DateOnly:
                EmitDate(type, member, v);
                break;
            case ValueKind.TimeOnly:
                _w.WriteLine($"{v} = new global::System.TimeOnly(random.Int64(0L, {L(Defaults.SecondsPerDay - 1)}) * global::System.TimeSpan.TicksPerSecond);");
                break;
            case ValueKind.Enum:
                {
                    var e = _enums[member.TypeName];
                    string pick = member.Modifiers.Unique
                        ? $"(int){Permute(type, member, UL(e.Names.Count))}"
                        : $"random.Below({e.Names.Count})";
                    _w.WriteLine($"{v} = s_{e.Id}_values[{pick}];");
                    break;
                }

            case ValueKind.Nested:
                _w.WriteLine($"{v} = Create_{member.NestedTypeId}(random, {Rng}.Derive(scope, {KeyName(type, member)}, index), 0);");
                break;
            case ValueKind.Collection:
                EmitCollection(type, member, v);
                break;
        }
    }

    /// <summary>[After]: the source's value plus an offset (seconds, days or units).</summary>
    private void EmitAfter(TypeModel type, MemberModel member, string v, string source)
    {
        var n = member.Rule.Numbers;
        switch (member.Kind)
        {
            case ValueKind.DateTime or ValueKind.DateTimeOffset:
                _w.WriteLine($"{v} = global::SynthKit.RuleFunctions.AddSeconds({source}, random.Int64({L((long)n[0])}, {L((long)n[1])}));");
                break;
            case ValueKind.DateOnly:
                _w.WriteLine($"{v} = global::SynthKit.RuleFunctions.AddDays({source}, random.Int64({L((long)n[0])}, {L((long)n[1])}));");
                break;
            default:
                _afterSource = source;
                EmitNumber(type, member, v);
                _afterSource = null;
                break;
        }
    }

    private string? _afterSource;

    /// <summary>[Sequence] and [References]: the row's number (before any string format).</summary>
    private string SequenceNumber(TypeModel type, MemberModel member, bool isRoot)
    {
        var n = member.Rule.Numbers;
        if (member.Rule.Kind == RuleKind.Sequence)
        {
            return $"{L((long)n[0])} + index * {L((long)n[1])}";
        }

        string parent = isRoot
            ? $"{PickerField(member)}.Pick(random, index)"
            : $"{Gen}.ParentPicker.PickAny(random, {L((long)n[0])}, {(int)n[3]}, {D(n[5])})";
        return $"{L((long)n[1])} + {parent} * {L((long)n[2])}";
    }

    private void EmitNumber(TypeModel type, MemberModel member, string v)
    {
        var rule = member.Rule;
        var m = member.Modifiers;
        bool integral = RuleText.IsIntegralTarget(member.Kind);
        string? real = null;
        string? whole = null;
        int round = m.RoundDigits;
        switch (rule.Kind)
        {
            case RuleKind.Default when integral:
                {
                    long max = member.Kind == ValueKind.TimeSpan ? Defaults.SecondsPerDay - 1 : (long)Math.Min(Defaults.IntegerMax, Numbers.MaxOf(member.Kind));
                    whole = m.Unique
                        ? $"1L + (long){Permute(type, member, UL((long)Math.Min(Numbers.MaxOf(member.Kind), 4.611686018427388E18)))}"
                        : $"random.Int64(0L, {L(max)})";
                    break;
                }

            case RuleKind.Default:
                real = $"random.NextDouble() * {D(Defaults.RealMax)}";
                if (member.Kind == ValueKind.Decimal && round < 0)
                {
                    round = Defaults.DecimalDigits;
                }

                break;
            case RuleKind.Uniform when integral:
                {
                    long lo = (long)Math.Ceiling(Math.Max(rule.Numbers[0], Numbers.MinOf(member.Kind)));
                    long hi = (long)Math.Floor(Math.Min(rule.Numbers[1], Numbers.MaxOf(member.Kind)));
                    whole = m.Unique
                        ? $"{L(lo)} + (long){Permute(type, member, "(ulong)(" + L(hi) + " - " + L(lo) + ") + 1UL")}"
                        : $"random.Int64({L(lo)}, {L(hi)})";
                    break;
                }

            case RuleKind.Uniform:
                real = $"{Dist}.ContinuousUniform.Sample(random, {D(rule.Numbers[0])}, {D(rule.Numbers[1])})";
                break;
            case RuleKind.Normal:
                real = $"{Dist}.Normal.Sample(random, {D(rule.Numbers[0])}, {D(rule.Numbers[1])})";
                break;
            case RuleKind.LogNormal:
                real = $"{Dist}.LogNormal.Sample(random, {D(rule.Numbers[0])}, {D(rule.Numbers[1])})";
                break;
            case RuleKind.Exponential:
                real = $"{Dist}.Exponential.Sample(random, {D(rule.Numbers[0])})";
                break;
            case RuleKind.Gamma:
                real = $"{Dist}.Gamma.Sample(random, {D(rule.Numbers[0])}, {D(rule.Numbers[1])})";
                break;
            case RuleKind.Beta:
                real = $"{Dist}.Beta.Sample(random, {D(rule.Numbers[0])}, {D(rule.Numbers[1])})";
                break;
            case RuleKind.Triangular:
                real = $"{Dist}.Triangular.Sample(random, {D(rule.Numbers[0])}, {D(rule.Numbers[2])}, {D(rule.Numbers[1])})";
                break;
            case RuleKind.Poisson:
                whole = $"(long){Dist}.Poisson.Sample(random, {D(rule.Numbers[0])})";
                break;
            case RuleKind.Zipf:
                whole = $"1L + {StaticName(type, member, "zipf")}.Sample(random)";
                break;
            case RuleKind.PiiFake:
                real = $"{Gen}.Fakes.{PiiKinds.Name(rule.Code)}(random)";
                break;
            case RuleKind.Sequence:
            case RuleKind.Reference:
                whole = SequenceNumber(type, member, type.Id == _model.Root.Id);
                break;
            case RuleKind.After when integral:
                whole = $"(long){_afterSource} + random.Int64({L((long)Math.Ceiling(rule.Numbers[0]))}, {L((long)Math.Floor(rule.Numbers[1]))})";
                break;
            case RuleKind.After:
                real = $"(double){_afterSource} + global::SynthKit.RuleFunctions.Uniform(random, {D(rule.Numbers[0])}, {D(rule.Numbers[1])})";
                break;
        }

        if (whole is not null && !integral)
        {
            real = "(double)(" + whole + ")";
            whole = null;
        }

        if (whole is not null)
        {
            _w.WriteLine($"long n = {whole};");
            if (m.HasClamp)
            {
                _w.WriteLine($"n = global::System.Math.Clamp(n, {L((long)Math.Ceiling(Math.Max(m.ClampMin, -9.2233720368547748E18)))}, {L((long)Math.Floor(Math.Min(m.ClampMax, 9.2233720368547748E18)))});");
            }

            if (member.Kind != ValueKind.TimeSpan && member.Kind != ValueKind.Int64 && member.Kind != ValueKind.UInt64)
            {
                _w.WriteLine($"n = global::System.Math.Clamp(n, {L((long)Numbers.MinOf(member.Kind))}, {L((long)Numbers.MaxOf(member.Kind))});");
            }

            _w.WriteLine(member.Kind == ValueKind.TimeSpan
                ? $"{v} = new global::System.TimeSpan(global::System.Math.Clamp(n, -922337203685L, 922337203685L) * global::System.TimeSpan.TicksPerSecond);"
                : $"{v} = ({member.TypeName})n;");
            return;
        }

        _w.WriteLine($"double x = {real};");
        if (round < 0 && integral)
        {
            round = 0;
        }

        if (round >= 0)
        {
            _w.WriteLine($"x = global::System.Math.Round(x, {round}, global::System.MidpointRounding.AwayFromZero);");
        }

        if (m.HasClamp)
        {
            _w.WriteLine($"x = global::System.Math.Clamp(x, {D(m.ClampMin)}, {D(m.ClampMax)});");
        }

        switch (member.Kind)
        {
            case ValueKind.TimeSpan:
                _w.WriteLine($"{v} = new global::System.TimeSpan((long)global::System.Math.Clamp(x, -922337203685d, 922337203685d) * global::System.TimeSpan.TicksPerSecond);");
                break;
            case ValueKind.Single:
                _w.WriteLine($"{v} = (float)x;");
                break;
            case ValueKind.Double:
                _w.WriteLine($"{v} = x;");
                break;
            case ValueKind.Decimal:
                _w.WriteLine($"{v} = (decimal)global::System.Math.Clamp(x, -7.9E28d, 7.9E28d);");
                break;
            default:
                _w.WriteLine($"{v} = ({member.TypeName})global::System.Math.Clamp(x, {D(Numbers.MinOf(member.Kind))}, {D(Numbers.MaxOf(member.Kind))});");
                break;
        }
    }

    private void EmitString(TypeModel type, MemberModel member, string v)
    {
        var rule = member.Rule;
        var m = member.Modifiers;
        bool suffixUnique = m.Unique;
        string value;
        switch (rule.Kind)
        {
            case RuleKind.Pattern:
                string pattern = StaticName(type, member, "pattern");
                value = m.Unique ? $"{pattern}.FromOrdinal({Permute(type, member, pattern + ".DomainSize")})" : $"{pattern}.Next(random)";
                suffixUnique = false;
                break;
            case RuleKind.Sequence:
            case RuleKind.Reference:
                value = $"global::SynthKit.RuleFunctions.SequenceText({(rule.Text is null ? "null" : Str(rule.Text))}, {SequenceNumber(type, member, type.Id == _model.Root.Id)})";
                suffixUnique = false;
                break;
            case RuleKind.PiiFake when rule.Code is PiiKinds.FirstName && member.SexSource is not null:
                value = $"{Gen}.Fakes.FirstName(random, {SexText(type, member)})";
                break;
            case RuleKind.PiiFake when rule.Code is PiiKinds.FullName && member.SexSource is not null && member.FirstNameSource is null:
                value = $"{Gen}.Fakes.FullName(random, {SexText(type, member)})";
                break;
            case RuleKind.PiiFake when IsDerived(member):
                string first = member.FirstNameSource is null ? $"{Gen}.Fakes.FirstName(random)" : "v_" + member.FirstNameSource;
                string last = member.LastNameSource is null ? $"{Gen}.Fakes.LastName(random)" : "v_" + member.LastNameSource;
                value = rule.Code == PiiKinds.FullName
                    ? $"{Gen}.Fakes.FullName(random, {first}, {last})"
                    : $"{Gen}.Fakes.{RuleText.FakeName(member)}(random, {first}, {last})";
                break;
            case RuleKind.PiiFake:
                value = $"{Gen}.Fakes.{RuleText.FakeName(member)}(random)";
                break;
            case RuleKind.Fake:
                value = $"{Gen}.Fakes.{RuleText.FakeName(member)}(random)";
                break;
            default:
                value = m.MinLength > 0
                    ? $"{Gen}.Fakes.Text(random, {m.MinLength}, {(m.MaxLength >= 0 ? Math.Min(m.MaxLength, RuleReader.MaxTextLength) : m.MinLength + 20)})"
                    : $"{Gen}.Fakes.Word(random)";
                break;
        }

        if (m.MaxLength >= 0 && !(rule.Kind == RuleKind.Default && m.MinLength > 0))
        {
            value = $"{Gen}.Fakes.Truncate({value}, {m.MaxLength})";
        }

        if (suffixUnique)
        {
            value = $"{Gen}.Fakes.MakeUnique({value}, index)";
        }

        _w.WriteLine($"{v} = {value};");
    }

    /// <summary>The row's sex or gender value as text, for a matching given name.</summary>
    private string SexText(TypeModel type, MemberModel member)
    {
        var sex = type.Members.First(m => m.Name == member.SexSource);
        return sex.Kind switch
        {
            ValueKind.Enum when sex.IsNullable => $"({Local(sex)}.HasValue ? Name_{_enums[sex.TypeName].Id}({Local(sex)}.Value) : null)",
            ValueKind.Enum => $"Name_{_enums[sex.TypeName].Id}({Local(sex)})",
            ValueKind.Char when sex.IsNullable => $"{Local(sex)}?.ToString()",
            ValueKind.Char => $"{Local(sex)}.ToString()",
            _ => Local(sex),
        };
    }

    private void EmitTimestamp(TypeModel type, MemberModel member, string v)
    {
        var rule = member.Rule;
        string dateTime;
        if (rule.Kind == RuleKind.PiiFake)
        {
            dateTime = $"{Gen}.Fakes.DateOfBirth(random).ToDateTime(global::System.TimeOnly.MinValue)";
        }
        else
        {
            long min = rule.Kind == RuleKind.DateRange ? (long)rule.Numbers[0] : Defaults.DateTimeMinSeconds;
            long max = rule.Kind == RuleKind.DateRange ? (long)rule.Numbers[1] : Defaults.DateTimeMaxSeconds;
            string seconds = member.Modifiers.Unique
                ? $"{L(min)} + (long){Permute(type, member, UL(max - min))}"
                : $"random.Int64({L(min)}, {L(max - 1)})";
            dateTime = $"new global::System.DateTime(({seconds}) * global::System.TimeSpan.TicksPerSecond)";
        }

        _w.WriteLine(member.Kind == ValueKind.DateTimeOffset
            ? $"{v} = new global::System.DateTimeOffset({dateTime}, global::System.TimeSpan.Zero);"
            : $"{v} = {dateTime};");
    }

    private void EmitDate(TypeModel type, MemberModel member, string v)
    {
        var rule = member.Rule;
        if (rule.Kind == RuleKind.PiiFake)
        {
            _w.WriteLine($"{v} = {Gen}.Fakes.DateOfBirth(random);");
            return;
        }

        long min = rule.Kind == RuleKind.DateRange ? (long)rule.Numbers[0] / Defaults.SecondsPerDay : Defaults.DateOnlyMinDay;
        long max = rule.Kind == RuleKind.DateRange ? (long)rule.Numbers[1] / Defaults.SecondsPerDay : Defaults.DateOnlyMaxDay;
        string day = member.Modifiers.Unique
            ? $"{L(min)} + (long){Permute(type, member, UL(max - min + 1))}"
            : $"random.Int64({L(min)}, {L(max)})";
        _w.WriteLine($"{v} = global::System.DateOnly.FromDayNumber((int)({day}));");
    }

    private void EmitCollection(TypeModel type, MemberModel member, string v)
    {
        if (member.Rule.Kind == RuleKind.Children && type.Id == _model.Root.Id)
        {
            // The child table's rows that name this row: one run of rows in its natural layout.
            string picker = PickerField(member);
            _w.WriteLine($"int count = index < {picker}.Parents ? (int)global::System.Math.Min({picker}.ChildrenOf(index), int.MaxValue) : 0;");
            _w.WriteLine($"var children = count == 0 ? global::System.Array.Empty<{member.TypeName}>() : {ChildSynthesizerField(member)}.Generate({picker}.FirstChildOf(index), count);");
            _w.WriteLine(member.Collection == CollectionShape.Array
                ? $"{v} = global::System.Linq.Enumerable.ToArray(children);"
                : $"{v} = new global::System.Collections.Generic.List<{member.TypeName}>(children);");
            return;
        }

        var m = member.Modifiers;
        string count = m.CountMin == m.CountMax ? m.CountMin.ToString(CultureInfo.InvariantCulture) : $"random.Int32({m.CountMin}, {m.CountMax})";
        string element = member.TypeName;
        _w.WriteLine($"int count = {count};");
        _w.WriteLine($"ulong itemScope = {Rng}.Derive(scope, {KeyName(type, member)}, index);");
        // An element of a list of values has its own stream (list scope, element index), as a nested element does.
        string make = member.ElementKind is null ? $"Create_{member.NestedTypeId}(random, itemScope, j)" : $"{ElementMethod(type, member)}(random, itemScope, j)";
        if (member.Collection == CollectionShape.Array)
        {
            _w.WriteLine($"var items = new {ArrayOf(element)};");
            _w.WriteLine($"for (int j = 0; j < count; j++)");
            _w.OpenBlock();
            _w.WriteLine($"items[j] = {make};");
            _w.CloseBlock();
        }
        else
        {
            _w.WriteLine($"var items = new global::System.Collections.Generic.List<{element}>(count);");
            _w.WriteLine($"for (int j = 0; j < count; j++)");
            _w.OpenBlock();
            _w.WriteLine($"items.Add({make});");
            _w.CloseBlock();
        }

        _w.WriteLine($"{v} = items;");
    }

    private static string ElementMethod(TypeModel type, MemberModel member) => $"Element_{type.Id}_{Id(member.Name)}";

    /// <summary>One element of a list of values: the member's rule drawn on the element's own stream.</summary>
    private void EmitElementMethods(TypeModel type)
    {
        foreach (var member in type.Members.Where(m => m.ElementKind is not null))
        {
            var element = member.Element;
            using (_w.Block($"private static {element.DeclaredType} {ElementMethod(type, member)}({Rng} random, ulong scope, long index)"))
            {
                _w.WriteLine($"random.Reset(scope, {KeyName(type, member)}, index);");
                _w.WriteLine($"{element.DeclaredType} value;");
                EmitDraw(type, element, "value");
                _w.WriteLine("return value;");
            }

            _w.WriteLine();
        }
    }

    /// <summary><c>new T[count]</c>, written correctly when T is itself an array type.</summary>
    private static string ArrayOf(string element)
    {
        int bracket = element.IndexOf('[');
        return bracket < 0 ? element + "[count]" : element.Substring(0, bracket) + "[count]" + element.Substring(bracket);
    }

    private string Permute(TypeModel type, MemberModel member, string domain) =>
        $"{Gen}.UniquePermutation.Permute(index, {domain}, scope ^ {KeyName(type, member)}, {Str(type.SchemaName + "." + member.Name)})";
}
