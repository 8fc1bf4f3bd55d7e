using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace OrderHub.ArchitectureTests.Schemas;

/// <summary>A module's data lives in its own schema; it reads or writes no other schema, by model or by raw SQL.</summary>
public sealed class SchemaOwnershipTests
{
    [Fact]
    public void Every_entity_and_sequence_of_a_module_maps_to_its_own_schema()
    {
        foreach (var owner in SchemaOwners.Modules)
        {
            var contexts = SchemaOwners.CreateContexts(owner.Assembly).ToList();
            contexts.Count.ShouldBeGreaterThanOrEqualTo(3, $"{owner.Name} should have a design-time factory per provider");
            foreach (var db in contexts)
            {
                using (db)
                {
                    var foreign = ForeignMappings(db, owner.Schema);
                    foreign.ShouldBeEmpty($"{db.GetType().Name} maps outside schema {owner.Schema}: {string.Join(", ", foreign)}");
                }
            }
        }
    }

    [Fact]
    public void No_module_source_names_another_schema_or_its_tables_in_a_string()
    {
        var offences = new List<string>();
        foreach (var owner in SchemaOwners.Modules)
        {
            var scanner = new SqlScanner(SchemaOwners.All.Where(o => o.Schema != owner.Schema));
            var files = SourceFiles.Of(owner.Assembly).Concat(SourceFiles.Of(owner.Assembly.GetName().Name + ".Contracts")).ToList();
            files.ShouldNotBeEmpty($"no source found for {owner.Name}");
            foreach (var file in files)
            {
                offences.AddRange(scanner.Offences(File.ReadAllText(file), Path.GetRelativePath(SourceFiles.Root, file)));
            }
        }

        offences.ShouldBeEmpty(string.Join(Environment.NewLine, offences));
    }

    /// <summary>Entities, owned types and sequences not in <paramref name="schema"/> (on SQLite: not prefixed "schema_").</summary>
    internal static List<string> ForeignMappings(DbContext db, string schema)
    {
        var sqlite = db.Database.IsSqlite();
        var foreign = new List<string>();
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName() ?? entity.GetViewName();
            var tableSchema = entity.GetTableName() is null ? entity.GetViewSchema() : entity.GetSchema();
            if (table is null)
            {
                continue; // not mapped to a table or view
            }

            var own = sqlite
                ? tableSchema is null && table.StartsWith(schema + "_", StringComparison.Ordinal)
                : tableSchema == schema;
            if (!own)
            {
                foreign.Add($"{entity.DisplayName()} -> {tableSchema}.{table}");
            }
        }

        foreach (var sequence in db.Model.GetSequences().Where(s => s.Schema != schema))
        {
            foreign.Add($"sequence {sequence.Schema}.{sequence.Name}");
        }

        return foreign;
    }
}
