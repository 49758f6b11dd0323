using System;
using System.Linq;
using Microsoft.Data.Analysis;
using SynthKit.Tests.Schemas;

namespace SynthKit.Tests;

public class DataFrameTests
{
    [Fact]
    public void ToDataFrame_makes_one_typed_column_per_flat_column()
    {
        var frame = new BenchPatientSynthesizer(5).ToDataFrame(100);

        Assert.Equal(100, frame.Rows.Count);
        Assert.Equal(BenchPatientSynthesizer.Schema.Columns.Select(c => c.Name), frame.Columns.Select(c => c.Name));
        Assert.IsType<Int32DataFrameColumn>(frame.Columns["Age"]);
        Assert.IsType<DoubleDataFrameColumn>(frame.Columns["Income"]);
        Assert.IsType<BooleanDataFrameColumn>(frame.Columns["Smoker"]);
        Assert.IsType<StringDataFrameColumn>(frame.Columns["Email"]);
        Assert.IsType<DateTimeDataFrameColumn>(frame.Columns["AdmittedAt"]);
        Assert.IsType<PrimitiveDataFrameColumn<DateOnly>>(frame.Columns["BirthDate"]);
    }

    [Fact]
    public void The_frame_holds_exactly_the_generated_rows()
    {
        var rows = new BenchPatientSynthesizer(5).Generate(10, 50).ToList();
        var frame = new BenchPatientSynthesizer(5).ToDataFrame(10, 50);

        Assert.Equal(rows.Select(r => r.Email), frame.Columns["Email"].Cast<string>());
        Assert.Equal(rows.Select(r => r.Income), ((DoubleDataFrameColumn)frame.Columns["Income"]).Select(v => v!.Value));
    }

    [Fact]
    public void Every_type_and_nested_objects_round_trip_through_a_frame()
    {
        var written = new AllTypesSynthesizer(6).Generate(300).ToList();
        var households = new HouseholdSynthesizer(6).Generate(100).ToList();

        var read = AllTypesSynthesizer.FromDataFrame(new AllTypesSynthesizer(6).ToDataFrame(300)).ToList();
        var readHouseholds = HouseholdSynthesizer.FromDataFrame(new HouseholdSynthesizer(6).ToDataFrame(100)).ToList();

        Assert.Equal(CsvTests.Describe(written), CsvTests.Describe(read));
        Assert.Equal(households.Select(h => (h.Home.City, h.Holiday?.Street, h.Home.Door)), readHouseholds.Select(h => (h.Home.City, h.Holiday?.Street, h.Home.Door)));
    }

    [Fact]
    public void Reading_converts_columns_of_other_types_such_as_a_frame_loaded_from_csv()
    {
        var frame = new DataFrame(
            new StringDataFrameColumn("Celsius", ["21.5", "19"]),
            new SingleDataFrameColumn("Humidity", [40f, 55f]),
            new StringDataFrameColumn("TakenAt", ["2024-01-01T10:00:00", "2024-01-02T00:00:00"]));

        var rows = MeasurementSynthesizer.FromDataFrame(frame).ToList();

        Assert.Equal([(21.5, 40), (19, 55)], rows.Select(r => (r.Celsius, r.Humidity)));
    }

    [Fact]
    public void Missing_columns_and_nulls_get_coded_errors()
    {
        var noHumidity = new DataFrame(new DoubleDataFrameColumn("Celsius", [1.0]), new DateTimeDataFrameColumn("TakenAt", [DateTime.Now]));
        var nullHumidity = new DataFrame(
            new DoubleDataFrameColumn("Celsius", [1.0]),
            new Int32DataFrameColumn("Humidity", [(int?)null]),
            new DateTimeDataFrameColumn("TakenAt", [DateTime.Now]));

        Assert.Equal("SK4004", Assert.Throws<SynthKitException>(() => MeasurementSynthesizer.FromDataFrame(noHumidity).ToList()).Code);
        Assert.Equal("SK4005", Assert.Throws<SynthKitException>(() => MeasurementSynthesizer.FromDataFrame(nullHumidity).ToList()).Code);
    }

    [Fact]
    public void Schemas_with_lists_refuse_frames()
    {
        var method = typeof(OrderSynthesizer).GetMethod(nameof(AllTypesSynthesizer.ToDataFrame), new[] { typeof(int) })!;
        var obsolete = (System.ObsoleteAttribute)System.Attribute.GetCustomAttribute(method, typeof(System.ObsoleteAttribute))!;
        Assert.Equal(("SK4001", true), (obsolete.DiagnosticId, obsolete.IsError));
        var ex = Assert.Throws<System.Reflection.TargetInvocationException>(() => method.Invoke(new OrderSynthesizer(1), new object[] { 5 }));
        Assert.Equal("SK4001", ((SynthKitException)ex.InnerException!).Code);
    }
}
