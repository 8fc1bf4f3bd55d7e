using OrderHub.BuildingBlocks.Csv;
using Shouldly;

namespace OrderHub.IntegrationTests.CsvImports;

/// <summary>The RFC 4180 reader shared by the imports: quoting, escaped quotes, line endings, line numbers.</summary>
public sealed class CsvReaderTests
{
    [Fact]
    public void Quoted_fields_hold_commas_escaped_quotes_and_line_breaks_and_lines_are_counted_from_where_a_record_starts()
    {
        var records = CsvReader.Parse("sku,name\r\nA,\"Cab, \"\"Reserve\"\"\"\r\nB,\"two\r\nlines\"\r\nC,plain\r\n");

        records.Select(r => r.Line).ShouldBe([1, 2, 3, 5]);
        records[1].Fields.ShouldBe(["A", "Cab, \"Reserve\""]);
        records[2].Fields.ShouldBe(["B", "two\nlines"]);
        records[3].Fields.ShouldBe(["C", "plain"]);
    }

    [Fact]
    public void Lf_and_cr_line_endings_a_bom_blank_lines_and_empty_fields_are_read()
    {
        var records = CsvReader.Parse("\uFEFFa,b,c\n\n1,,\"\"\r2,x,y");

        records.Count.ShouldBe(3);
        records[0].Fields.ShouldBe(["a", "b", "c"]);
        records[1].Line.ShouldBe(3);
        records[1].Fields.ShouldBe(["1", "", ""]);
        records[2].Line.ShouldBe(4);
        records[2].Fields.ShouldBe(["2", "x", "y"]);
    }

    [Fact]
    public void A_quoted_empty_field_alone_on_a_line_is_a_record_not_a_blank_line()
    {
        CsvReader.Parse("a\n\"\"\n").Select(r => r.Fields.Count).ShouldBe([1, 1]);
    }

    [Fact]
    public void An_unclosed_quote_or_text_after_a_closing_quote_is_a_format_error_naming_the_line()
    {
        Should.Throw<CsvFormatException>(() => CsvReader.Parse("a,b\n1,\"open\n2,3\n")).Line.ShouldBe(2);
        Should.Throw<CsvFormatException>(() => CsvReader.Parse("a,b\n1,\"x\"y\n")).Line.ShouldBe(2);
    }

    [Fact]
    public void A_table_refuses_a_missing_header_unknown_and_missing_required_columns_and_reads_cells_by_name()
    {
        string[] known = ["sku", "quantity"];
        Should.Throw<FluentValidation.ValidationException>(() => CsvTable.Read("", known, ["sku"]));
        Should.Throw<FluentValidation.ValidationException>(() => CsvTable.Read("ABC-1,5\n", known, ["sku"]));
        var unknown = Should.Throw<FluentValidation.ValidationException>(() => CsvTable.Read("sku,qty\nA,1\n", known, ["sku"]));
        unknown.Errors.Select(e => e.ErrorMessage).ShouldContain(m => m.Contains("'qty'", StringComparison.Ordinal));
        Should.Throw<FluentValidation.ValidationException>(() => CsvTable.Read("quantity\n1\n", known, ["sku"]));

        var table = CsvTable.Read("SKU,Quantity\n A-1 ,7\nB,x\n", known, ["sku"]);
        var errors = new List<CsvCellError>();
        table.Rows[0]["sku"].ShouldBe("A-1");
        table.Rows[0].WholeNumber("quantity", errors).ShouldBe(7);
        table.Rows[1].WholeNumber("quantity", errors).ShouldBeNull();
        errors.ShouldHaveSingleItem().Column.ShouldBe("quantity");
        table.Rows[1].Line.ShouldBe(3);
    }
}
