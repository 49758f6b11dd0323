using SynthKit.CodeAnalysis;
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using SynthKit.Generators.Model;
using SynthKit.Generators.Parsing;

namespace SynthKit.Generators.Emit;

internal sealed partial class SynthesizerEmitter
{
    /// <summary>
    /// Emits the schema's column spec: the JSON that <c>TableSpec.FromJson</c> reads, stating each column's storage type,
    /// statistical kind, privacy role, learned flag, rule and modifiers as data. The runtime's spec-driven synthesizer
    /// makes the same bytes from it as this generated code (a parity test holds them to that).
    /// </summary>
    private void EmitSpec()
    {
        string json = SpecJson();
        _w.WriteLine($"private const string s_specJson = {Str(json)};");
        _w.WriteLine("private static global::SynthKit.TableSpec? s_spec;");
        _w.WriteLine();
        _w.WriteLine("/// <summary>The column spec: types, kinds, privacy roles and rules as data (see <c>docs/spec.md</c>).</summary>");
        _w.WriteLine("public static global::SynthKit.TableSpec Spec => s_spec ??= global::SynthKit.TableSpec.FromJson(s_specJson);");
        _w.WriteLine();
        _w.WriteLine("/// <summary>The column spec of this instance: <see cref=\"Spec\"/> in this synthesizer's <see cref=\"Locale\"/>.</summary>");
        _w.WriteLine("global::SynthKit.TableSpec global::SynthKit.ISynthesizer.Spec => _instanceSpec ??= Spec.WithLocale(_locale.Name);");
        _w.WriteLine();
    }

    private string SpecJson()
    {
        var j = new JsonText();
        j.Begin();
        j.Number("specVersion", 1);
        j.String("name", _model.SchemaName);
        j.String("fingerprint", _model.Fingerprint);
        j.String("clrType", _rowType.Replace("global::", string.Empty));
        j.BeginArray("columns");
        var columns = _model.HasCollections ? Flatten(_model.Root) : Flatten(_model.Root);
        var objects = new List<(string Path, string Key, double NullRate)>();
        CollectObjects(_model.Root, string.Empty, objects);
        foreach (var column in columns)
        {
            EmitColumnSpec(j, column, objects);
        }

        j.EndArray();
        if (_model.Root.Members.FirstOrDefault(m => m.Modifiers.IsKey) is { } keyMember)
        {
            j.String("primaryKey", keyMember.Name);
        }

        if (objects.Count > 0)
        {
            j.BeginArray("objects");
            foreach (var (path, key, nullRate) in objects)
            {
                j.Begin();
                j.String("path", path);
                j.String("key", key);
                if (nullRate > 0)
                {
                    j.Number("nullRate", nullRate);
                }

                j.End();
            }

            j.EndArray();
        }

        if (_model.Provenance is { } p)
        {
            j.BeginObject("provenance");
            j.StringOrSkip("source", p.Source);
            j.StringOrSkip("purpose", p.Purpose);
            j.StringOrSkip("owner", p.Owner);
            j.StringOrSkip("license", p.License);
            j.End();
        }

        if (_model.Constraints.Count > 0)
        {
            j.BeginArray("constraints");
            foreach (var constraint in _model.Constraints)
            {
                j.Item(constraint);
            }

            j.EndArray();
        }

        j.StringOrSkip("locale", _model.Locale);
        j.End();
        return j.ToString();
    }

    private void CollectObjects(TypeModel type, string prefix, List<(string Path, string Key, double NullRate)> objects)
    {
        foreach (var member in type.Members)
        {
            if (member.Kind == ValueKind.Nested)
            {
                objects.Add((prefix + member.Name, type.SchemaName + "." + member.Name, member.Modifiers.NullRate));
                CollectObjects(_types[member.NestedTypeId!], prefix + member.Name + ".", objects);
            }
        }
    }

    private void EmitColumnSpec(JsonText j, FlatColumn column, List<(string Path, string Key, double NullRate)> objects)
    {
        var m = column.Member;
        var owner = column.Chain.Count > 1 ? _types.Values.First(t => t.Members.Contains(m)) : _model.Root;
        j.Begin();
        j.String("name", column.Path);
        j.String("type", StorageOf(m.Kind));
        if (column.Chain.Any(c => c.IsNullable))
        {
            j.Bool("nullable", true);
        }

        j.String("kind", StatisticalKindOf(m));
        var privacy = m.Privacy;
        if (privacy.PiiKind > 0 || privacy.NotPii || privacy.QuasiIdentifier || privacy.Sensitive)
        {
            j.BeginObject("privacy");
            if (PiiKinds.Name(privacy.PiiKind) is { } pii)
            {
                j.String("pii", char.ToLowerInvariant(pii[0]) + pii.Substring(1));
            }

            if (privacy.QuasiIdentifier)
            {
                j.Bool("quasiIdentifier", true);
            }

            if (privacy.Sensitive)
            {
                j.Bool("sensitive", true);
            }

            if (privacy.NotPii)
            {
                j.Bool("notPii", true);
            }

            j.End();
        }

        if (privacy.Learned)
        {
            j.Bool("learned", true);
        }

        EmitRuleSpec(j, m, column);
        var mods = m.Modifiers;
        if (mods.HasClamp || mods.RoundDigits >= 0 || mods.NullRate > 0 || mods.Unique || mods.WhenSource is not null || (m.Kind == ValueKind.String && (mods.MinLength >= 0 || mods.MaxLength >= 0)))
        {
            j.BeginObject("modifiers");
            if (mods.HasClamp)
            {
                j.Number("clampMin", Math.Max(mods.ClampMin, double.MinValue));
                j.Number("clampMax", Math.Min(mods.ClampMax, double.MaxValue));
            }

            if (mods.RoundDigits >= 0)
            {
                j.Number("round", mods.RoundDigits);
            }

            if (mods.NullRate > 0)
            {
                j.Number("nullRate", mods.NullRate);
            }

            if (mods.Unique)
            {
                j.Bool("unique", true);
            }

            if (m.Kind == ValueKind.String && mods.MinLength >= 0)
            {
                j.Number("minLength", mods.MinLength);
            }

            if (m.Kind == ValueKind.String && mods.MaxLength >= 0)
            {
                j.Number("maxLength", mods.MaxLength);
            }

            if (mods.WhenSource is { } when)
            {
                j.BeginObject("when");
                j.String("column", PathOf(column, when));
                j.BeginArray("values");
                foreach (var value in mods.WhenValues)
                {
                    j.Item(value);
                }

                j.EndArray();
                j.End();
            }

            j.End();
        }

        if (m.Kind == ValueKind.Enum)
        {
            j.BeginArray("categories");
            foreach (var name in _enums[m.TypeName].Names)
            {
                j.Item(name);
            }

            j.EndArray();
            j.String("enumType", m.TypeName.Replace("global::", string.Empty));
        }

        string key = owner.SchemaName + "." + m.Name;
        if (key != _model.SchemaName + "." + column.Path)
        {
            j.String("key", key);
        }

        j.End();
    }

    /// <summary>The column path of a sibling member of the column's own object (<c>Address.Street</c> beside <c>Address.City</c>).</summary>
    private static string PathOf(FlatColumn column, string sibling)
    {
        int dot = column.Path.LastIndexOf('.');
        return dot < 0 ? sibling : column.Path.Substring(0, dot + 1) + sibling;
    }

    private void EmitRuleSpec(JsonText j, MemberModel m, FlatColumn column)
    {
        var r = m.Rule;
        var n = r.Numbers;
        j.BeginObject("rule");
        switch (r.Kind)
        {
            case RuleKind.PiiFake:
            case RuleKind.Fake:
                j.String("kind", "fake");
                j.String("fake", RuleText.FakeName(m));
                j.StringOrSkip("firstName", m.FirstNameSource is null ? null : PathOf(column, m.FirstNameSource));
                j.StringOrSkip("lastName", m.LastNameSource is null ? null : PathOf(column, m.LastNameSource));
                j.StringOrSkip("sex", m.SexSource is null || m.FirstNameSource is not null ? null : PathOf(column, m.SexSource));
                break;
            case RuleKind.Sequence:
                j.String("kind", "sequence");
                j.Number("start", n[0]);
                j.Number("step", n[1]);
                j.StringOrSkip("format", r.Text);
                break;
            case RuleKind.After:
                j.String("kind", "after");
                j.String("column", PathOf(column, r.Text!));
                j.Number("min", n[0]);
                j.Number("max", n[1]);
                break;
            case RuleKind.Derived:
                j.String("kind", "derived");
                j.String("method", r.Text!);
                break;
            case RuleKind.Reference:
                j.String("kind", "reference");
                j.String("table", r.Values[0]);
                j.String("parentKey", r.Values[1]);
                j.Number("parents", n[0]);
                j.Number("start", n[1]);
                j.Number("step", n[2]);
                j.StringOrSkip("format", r.Text);
                j.String("perParent", n[3] switch { 2 => "fixed", 3 => "poisson", 4 => "zipf", _ => "uniform" });
                j.Number("mean", n[4]);
                if (n[3] == 4)
                {
                    j.Number("s", n[5]);
                }

                break;
            case RuleKind.Normal:
                j.String("kind", "normal");
                j.Number("mean", n[0]);
                j.Number("sd", n[1]);
                break;
            case RuleKind.LogNormal:
                j.String("kind", "logNormal");
                j.Number("mu", n[0]);
                j.Number("sigma", n[1]);
                break;
            case RuleKind.Uniform:
                j.String("kind", "uniform");
                j.Number("min", n[0]);
                j.Number("max", n[1]);
                break;
            case RuleKind.Exponential:
                j.String("kind", "exponential");
                j.Number("rate", n[0]);
                break;
            case RuleKind.Poisson:
                j.String("kind", "poisson");
                j.Number("lambda", n[0]);
                break;
            case RuleKind.Zipf:
                j.String("kind", "zipf");
                j.Number("s", n[0]);
                j.Number("n", n[1]);
                break;
            case RuleKind.Gamma:
                j.String("kind", "gamma");
                j.Number("shape", n[0]);
                j.Number("rate", n[1]);
                break;
            case RuleKind.Beta:
                j.String("kind", "beta");
                j.Number("alpha", n[0]);
                j.Number("beta", n[1]);
                break;
            case RuleKind.Triangular:
                j.String("kind", "triangular");
                j.Number("min", n[0]);
                j.Number("mode", n[1]);
                j.Number("max", n[2]);
                break;
            case RuleKind.Probability:
                j.String("kind", "bernoulli");
                j.Number("p", n[0]);
                break;
            case RuleKind.DateRange:
                j.String("kind", "dateRange");
                j.String("from", DateText(n[0]));
                j.String("to", DateText(n[1]));
                break;
            case RuleKind.Pattern:
                j.String("kind", "pattern");
                j.String("pattern", r.Text!);
                break;
            case RuleKind.Categorical:
                j.String("kind", "categorical");
                j.BeginArray("values");
                for (int i = 0; i < r.Labels.Count; i++)
                {
                    if (r.Values[i] == "null")
                    {
                        j.NullItem();
                    }
                    else
                    {
                        j.Item(r.Labels[i]);
                    }
                }

                j.EndArray();
                if (n.Count > 0)
                {
                    j.BeginArray("weights");
                    foreach (double w in n)
                    {
                        j.NumberItem(w);
                    }

                    j.EndArray();
                }

                break;
            default:
                j.String("kind", "default");
                break;
        }

        j.End();
    }

    private static string DateText(double seconds)
    {
        var date = new DateTime((long)seconds * TimeSpan.TicksPerSecond);
        return date.TimeOfDay == TimeSpan.Zero
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : date.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
    }

    private static string StorageOf(ValueKind kind) => kind switch
    {
        ValueKind.Boolean => "boolean",
        ValueKind.Char => "char",
        ValueKind.SByte => "int8",
        ValueKind.Byte => "uInt8",
        ValueKind.Int16 => "int16",
        ValueKind.UInt16 => "uInt16",
        ValueKind.Int32 => "int32",
        ValueKind.UInt32 => "uInt32",
        ValueKind.Int64 => "int64",
        ValueKind.UInt64 => "uInt64",
        ValueKind.Single => "float32",
        ValueKind.Double => "float64",
        ValueKind.Decimal => "decimal",
        ValueKind.String or ValueKind.Uri => "string",
        ValueKind.DateTime => "dateTime",
        ValueKind.DateTimeOffset => "dateTimeOffset",
        ValueKind.DateOnly => "date",
        ValueKind.TimeOnly => "time",
        ValueKind.TimeSpan => "duration",
        ValueKind.Guid => "guid",
        _ => "enum",
    };

    /// <summary>The statistical kind, apart from the privacy role: a personal date of birth is still a date.</summary>
    private static string StatisticalKindOf(MemberModel m)
    {
        if (m.Rule.Kind is RuleKind.Sequence or RuleKind.Reference)
        {
            return "identifier";
        }

        if (m.Rule.Kind == RuleKind.Categorical || m.Kind is ValueKind.Enum or ValueKind.Char)
        {
            return m.Modifiers.Unique ? "identifier" : "categorical";
        }

        return m.Kind switch
        {
            ValueKind.Boolean => "boolean",
            ValueKind.Guid => "identifier",
            ValueKind.DateTime or ValueKind.DateTimeOffset or ValueKind.DateOnly or ValueKind.TimeOnly => "datetime",
            ValueKind.String when m.Modifiers.Unique => "identifier",
            ValueKind.String when m.Rule.Kind == RuleKind.Fake && FakeKinds.IsCategorical(m.Rule.Code) => "categorical",
            ValueKind.String when m.Rule.Kind == RuleKind.PiiFake && m.Rule.Code is PiiKinds.City or PiiKinds.State or PiiKinds.Country => "categorical",
            ValueKind.String => "text",
            ValueKind.Uri => "text",
            _ when m.Modifiers.Unique => "identifier",
            _ => "numerical",
        };
    }

    /// <summary>A minimal JSON writer for the generator (netstandard2.0 has no System.Text.Json here): ASCII output, every other character escaped.</summary>
    private sealed class JsonText
    {
        private readonly StringBuilder _text = new();
        private bool _comma;

        public void Begin() => Open('{');

        public void End() => Close('}');

        public void BeginObject(string name)
        {
            Name(name);
            Open('{');
        }

        public void BeginArray(string name)
        {
            Name(name);
            Open('[');
        }

        public void EndArray() => Close(']');

        public void String(string name, string value)
        {
            Name(name);
            Quote(value);
            _comma = true;
        }

        public void StringOrSkip(string name, string? value)
        {
            if (value is not null)
            {
                String(name, value);
            }
        }

        public void Number(string name, double value)
        {
            Name(name);
            _text.Append(value.ToString("R", CultureInfo.InvariantCulture));
            _comma = true;
        }

        public void Bool(string name, bool value)
        {
            Name(name);
            _text.Append(value ? "true" : "false");
            _comma = true;
        }

        public void Item(string value)
        {
            Separate();
            Quote(value);
            _comma = true;
        }

        public void NullItem()
        {
            Separate();
            _text.Append("null");
            _comma = true;
        }

        public void NumberItem(double value)
        {
            Separate();
            _text.Append(value.ToString("R", CultureInfo.InvariantCulture));
            _comma = true;
        }

        public override string ToString() => _text.ToString();

        private void Open(char c)
        {
            Separate();
            _text.Append(c);
            _comma = false;
        }

        private void Close(char c)
        {
            _text.Append(c);
            _comma = true;
        }

        private void Name(string name)
        {
            Separate();
            Quote(name);
            _text.Append(':');
            _comma = false;
        }

        private void Separate()
        {
            if (_comma)
            {
                _text.Append(',');
            }
        }

        private void Quote(string value)
        {
            _text.Append('"');
            foreach (char c in value)
            {
                if (c == '"' || c == '\\')
                {
                    _text.Append('\\').Append(c);
                }
                else if (c < 0x20 || c > 0x7E)
                {
                    _text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                }
                else
                {
                    _text.Append(c);
                }
            }

            _text.Append('"');
        }
    }
}
