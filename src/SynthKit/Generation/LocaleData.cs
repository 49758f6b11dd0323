using System;
using Bogus;
using Bogus.Bson;

namespace SynthKit.Generation;

/// <summary>
/// Bogus's locale word lists, read once into plain arrays. Bogus walks its locale tree on every call (tens of
/// nanoseconds each); generated code indexes these arrays with SynthKit's own randomness instead.
/// </summary>
internal sealed class LocaleData
{
    private static readonly Lazy<LocaleData> s_english = new(() => new LocaleData("en"));

    private LocaleData(string locale)
    {
        var root = Database.GetLocale(locale);
        FirstNames = Strings(root, "name", "first_name");
        LastNames = Strings(root, "name", "last_name");
        FemaleFirstNames = Strings(root, "name", "female_first_name");
        MaleFirstNames = Strings(root, "name", "male_first_name");
        FreeEmailDomains = Strings(root, "internet", "free_email");
        DomainSuffixes = Strings(root, "internet", "domain_suffix");
        // Extensions ("x####") are what a form's phone field rejects; SynthKit makes plain numbers.
        PhoneFormats = Array.FindAll(Strings(root, "phone_number", "formats"), f => f.IndexOf('x') < 0);
        BuildingNumberFormats = Strings(root, "address", "building_number");
        StreetSuffixes = Strings(root, "address", "street_suffix");
        CityPrefixes = Strings(root, "address", "city_prefix");
        CitySuffixes = Strings(root, "address", "city_suffix");
        States = Strings(root, "address", "state");
        PostcodeFormats = Strings(root, "address", "postcode");
        Countries = Strings(root, "address", "country");
        CountryCodes = Strings(root, "address", "country_code");
        CompanySuffixes = Strings(root, "company", "suffix");
        CompanyAdjectives = Strings(root, "company", "adjective");
        CompanyDescriptors = Strings(root, "company", "descriptor");
        CompanyNouns = Strings(root, "company", "noun");
        TitleDescriptors = Strings(root, "name", "title", "descriptor");
        TitleLevels = Strings(root, "name", "title", "level");
        TitleJobs = Strings(root, "name", "title", "job");
        ProductAdjectives = Strings(root, "commerce", "product_name", "adjective");
        ProductMaterials = Strings(root, "commerce", "product_name", "material");
        Products = Strings(root, "commerce", "product_name", "product");
        Departments = Strings(root, "commerce", "department");
        Colors = Strings(root, "commerce", "color");
        LoremWords = Strings(root, "lorem", "words");
    }

    public static LocaleData English => s_english.Value;

    public string[] FirstNames { get; }

    public string[] LastNames { get; }

    public string[] FemaleFirstNames { get; }

    public string[] MaleFirstNames { get; }

    public string[] FreeEmailDomains { get; }

    public string[] DomainSuffixes { get; }

    public string[] PhoneFormats { get; }

    public string[] BuildingNumberFormats { get; }

    public string[] StreetSuffixes { get; }

    public string[] CityPrefixes { get; }

    public string[] CitySuffixes { get; }

    public string[] States { get; }

    public string[] PostcodeFormats { get; }

    public string[] Countries { get; }

    public string[] CountryCodes { get; }

    public string[] CompanySuffixes { get; }

    public string[] CompanyAdjectives { get; }

    public string[] CompanyDescriptors { get; }

    public string[] CompanyNouns { get; }

    public string[] TitleDescriptors { get; }

    public string[] TitleLevels { get; }

    public string[] TitleJobs { get; }

    public string[] ProductAdjectives { get; }

    public string[] ProductMaterials { get; }

    public string[] Products { get; }

    public string[] Departments { get; }

    public string[] Colors { get; }

    public string[] LoremWords { get; }

    private static string[] Strings(BObject root, params string[] path)
    {
        BValue node = root;
        foreach (var key in path)
        {
            node = ((BObject)node)[key] ?? throw new InvalidOperationException($"Bogus locale data lacks '{string.Join(".", path)}'.");
        }

        var array = (BArray)node;
        var result = new string[array.Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = array[i].StringValue;
        }

        return result;
    }
}
