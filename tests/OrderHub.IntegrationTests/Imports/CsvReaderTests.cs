using System.Security.Cryptography;
using System.Text;
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
    public void Quotes_inside_an_unquoted_field_are_kept_unless_they_swallow_a_separator_or_a_line_break()
    {
        CsvReader.Parse("a,b\n1,5\"x3\"\n")[1].Fields.ShouldBe(["1", "5\"x3\""]);
        var error = Should.Throw<CsvFormatException>(() => CsvReader.Parse("a,b\n1,12\" pizza\n2,ok\n3,14\" pizza\n"));
        error.Line.ShouldBe(2);
        error.Message.ShouldContain("Line 2");
    }

    [Fact]
    public void Lines_are_counted_from_a_multi_line_first_record_and_inside_cr_only_quoted_fields()
    {
        var records = CsvReader.Parse("\"a\nb\",c\nd,\"e\rf\"\rg,h\n");

        records.Select(r => r.Line).ShouldBe([1, 3, 5]);
        records[0].Fields.ShouldBe(["a\nb", "c"]);
        records[1].Fields.ShouldBe(["d", "e\nf"]);
        Should.Throw<CsvFormatException>(() => CsvReader.Parse("a,b\n\"x\ny\",\"open\n")).Line.ShouldBe(3);
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
        var rows = table.Rows.ToList();
        table.RowCount.ShouldBe(2);
        rows[0]["sku"].ShouldBe("A-1");
        rows[0].WholeNumber("quantity", errors).ShouldBe(7);
        rows[1].WholeNumber("quantity", errors).ShouldBeNull();
        errors.ShouldHaveSingleItem().Column.ShouldBe("quantity");
        rows[1].Line.ShouldBe(3);
    }

    [Fact]
    public void A_file_read_from_a_stream_gives_the_same_records_as_the_text_across_buffer_boundaries()
    {
        var text = new StringBuilder("sku,note\r\n");
        for (var i = 0; i < 3_000; i++)
        {
            text.Append(i % 3 == 0 ? $"S{i},\"two\r\nlines, \"\"{i}\"\"\"\r\n" : $"S{i},plain {i}\n");
        }

        using var stream = new MemoryStream(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray());
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 1024);
        var streamed = CsvReader.Read(reader).ToList();
        var parsed = CsvReader.Parse(text.ToString());

        streamed.Count.ShouldBe(3_001);
        streamed.Select(r => r.Line).ShouldBe(parsed.Select(r => r.Line));
        streamed.Select(r => string.Join("|", r.Fields)).ShouldBe(parsed.Select(r => string.Join("|", r.Fields)));
        streamed[1].Fields.ShouldBe(["S0", "two\nlines, \"0\""]);
        streamed[^1].Line.ShouldBe(4_001); // 1,000 quoted cells span two lines each
    }

    [Fact]
    public async Task An_upload_is_hashed_readable_twice_and_its_temporary_file_is_deleted_on_dispose()
    {
        var bytes = Encoding.UTF8.GetBytes("sku,quantity\nA,1\nB,2\n");
        string path;
        using (var upload = await CsvUpload.FromStreamAsync(new MemoryStream(bytes), TestContext.Current.CancellationToken))
        {
            upload.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(bytes)));
            upload.Length.ShouldBe(bytes.Length);
            var table = upload.ReadTable(["sku", "quantity"], ["sku"]);
            table.RowCount.ShouldBe(2);
            table.Rows.Select(r => r["sku"]).ShouldBe(["A", "B"]);
            table.Rows.Select(r => r["quantity"]).ShouldBe(["1", "2"]); // a second pass reads the file again
            path = Directory.GetFiles(Path.GetTempPath(), "orderhub-upload-*.csv").Where(f => HoldsExactly(f, bytes)).ShouldHaveSingleItem();
        }

        File.Exists(path).ShouldBeFalse();
    }

    private static bool HoldsExactly(string path, byte[] bytes)
    {
        try
        {
            return File.ReadAllBytes(path).SequenceEqual(bytes);
        }
        catch (IOException)
        {
            return false; // another test's upload, still being written or already deleted
        }
    }
}
