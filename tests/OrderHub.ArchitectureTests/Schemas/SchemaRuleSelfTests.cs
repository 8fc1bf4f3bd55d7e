using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace OrderHub.ArchitectureTests.Schemas;

/// <summary>The schema rules can fail: fixtures that break them are caught, fixtures that keep them pass.</summary>
public sealed class SchemaRuleSelfTests
{
    private static readonly SchemaOwner Orders = new("OrderHub.Modules.Orders", "orders", typeof(SchemaRuleSelfTests).Assembly, new HashSet<string> { "Orders", "OutboxMessages" });

    [Theory]
    [InlineData("""var sql = "SELECT * FROM orders.\"Orders\" WHERE 1 = 1";""")]
    [InlineData("""var sql = "SELECT * FROM \"orders\".\"Orders\"";""")]
    [InlineData("""var sql = "SELECT COUNT(*) FROM [orders].[OutboxMessages]";""")]
    [InlineData("""var sql = @"UPDATE Orders.Orders SET x = 1";""")]
    [InlineData("""var sql = $"SELECT * FROM orders.{table}";""")]
    [InlineData("""var sql = "SELECT * FROM \"orders_Orders\"";""")]
    [InlineData("""var sql = "DELETE FROM orders_OutboxMessages";""")]
    [InlineData("var sql = \"\"\"\n    SELECT *\n    FROM orders . \"Orders\"\n    \"\"\";")]
    public void Sql_naming_another_schema_or_its_tables_is_caught(string statement)
    {
        new SqlScanner([Orders]).Offences(Wrap(statement), "Fixture.cs").ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData("var n = orders.Count; // orders.Orders in a comment is not SQL")]
    [InlineData("""var ns = "OrderHub.Modules.Orders.Contracts";""")]
    [InlineData("""var message = "No orders. Try again";""")]
    [InlineData("""var sql = "SELECT * FROM inventory.\"StockItems\"";""")]
    [InlineData("""var sql = "SELECT * FROM \"inventory_Orders\"";""")]
    [InlineData("""var job = "orders-resume-placements";""")]
    public void Text_that_is_not_sql_on_another_schema_passes(string statement)
    {
        new SqlScanner([Orders]).Offences(Wrap(statement), "Fixture.cs").ShouldBeEmpty();
    }

    [Fact]
    public void An_entity_mapped_to_another_schema_is_caught()
    {
        using var db = new RogueContext(new DbContextOptionsBuilder<RogueContext>().UseSqlServer("Server=none").Options);
        SchemaOwnershipTests.ForeignMappings(db, "inventory").ShouldBe(["Stolen -> orders.Orders"]);
        SchemaOwnershipTests.ForeignMappings(db, "orders").ShouldBeEmpty();
    }

    [Fact]
    public void On_sqlite_an_entity_without_the_module_prefix_is_caught()
    {
        using var db = new RogueContext(new DbContextOptionsBuilder<RogueContext>().UseSqlite("Data Source=:memory:").Options);
        SchemaOwnershipTests.ForeignMappings(db, "inventory").ShouldBe(["Stolen -> .orders_Orders"]);
        SchemaOwnershipTests.ForeignMappings(db, "orders").ShouldBeEmpty();
    }

    private static string Wrap(string statement) => $"class Fixture {{ void Run(System.Collections.Generic.List<int> orders, string table) {{ {statement} }} }}";

    private sealed class Stolen
    {
        public int Id { get; set; }
    }

    private sealed class RogueContext(DbContextOptions<RogueContext> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Stolen>().ToTable("Orders", "orders");
            if (Database.IsSqlite())
            {
                OrderHub.BuildingBlocks.Persistence.SqliteConventions.FlattenSchema(modelBuilder);
            }
        }
    }
}
