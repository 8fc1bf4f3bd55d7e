using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Csv;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Http;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory.Features.ImportCsv;

/// <summary>How a file is applied: each good row on its own (the default), or every row or none.</summary>
internal enum ImportMode
{
    PerRow,
    AllOrNothing,
}

/// <summary>The answer of a CSV import: how many rows were applied, and each refused row with what is wrong with it.</summary>
internal sealed record ImportReportDto(string Mode, int Accepted, IReadOnlyList<RejectedRowDto> Rejected);

/// <summary>A refused row: its line in the file (the header is line 1), its SKU when readable, and the errors.</summary>
internal sealed record RejectedRowDto(int Line, string? Sku, IReadOnlyList<CsvCellError> Errors);

/// <summary>A row turned into the command that applies it (null when the row itself is malformed).</summary>
internal sealed record ImportRow<TCommand>(int Line, string? Sku, TCommand? Command, IReadOnlyList<CsvCellError> Errors)
    where TCommand : class;

/// <summary>The whole upload as the Idempotency-Key remembers it: the same key with another file is a conflict.</summary>
internal sealed record CsvImportFingerprint(string Mode, string FileSha256);

/// <summary>
/// Applies the rows of an import through the same Mediator commands as the single-item endpoints (so the same
/// validation and rules apply). Per row: each good row commits in its own transaction and a bad row is reported.
/// All or nothing: every row runs inside one transaction (flushed row by row so later rows see earlier ones), which
/// commits only when no row was refused; otherwise it rolls back and the report lists every refused row.
/// </summary>
internal sealed class CsvImportRunner(
    InventoryDbContext db, OutboxSignal outboxSignal, TimeProvider clock, ILogger<CsvImportRunner> logger)
{
    public static ImportMode ParseMode(string? mode) => mode?.ToUpperInvariant() switch
    {
        null or "" or "PER-ROW" or "PERROW" => ImportMode.PerRow,
        "ALL-OR-NOTHING" or "ALLORNOTHING" => ImportMode.AllOrNothing,
        _ => throw new ValidationException([new ValidationFailure("mode", "Mode must be per-row (the default) or all-or-nothing.")]),
    };

    /// <summary>A per-row Idempotency-Key derived from the upload's key, so a re-upload replays rows instead of applying them twice.</summary>
    public static string? RowKey(string? importKey, int line) =>
        importKey is null ? null : $"csv:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(importKey)))[..24]}:{line}";

    public async Task<ImportReportDto> RunAsync<TCommand>(
        string operation,
        string fileSha256,
        string? idempotencyKey,
        ImportMode mode,
        IEnumerable<ImportRow<TCommand>> rows,
        Func<TCommand, CancellationToken, Task> apply,
        CancellationToken cancellationToken)
        where TCommand : class
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(apply);
        // Not a command: the upload's key-to-file binding is kept in the same table the idempotency behaviour uses.
        var fingerprint = IdempotencyKeys.Fingerprint(new CsvImportFingerprint(mode.ToString(), fileSha256));
        var seen = false;
        if (idempotencyKey is not null && await IdempotentRequest.FindAsync(db, operation, idempotencyKey, cancellationToken) is { } stored)
        {
            stored.Replay<ImportReportDto>(fingerprint); // another file under this key is a 409
            seen = true;
        }

        var progress = new BulkProgress(logger, operation);
        var report = mode == ImportMode.PerRow
            ? await PerRowAsync(rows, apply, progress, cancellationToken)
            : await AllOrNothingAsync(rows, apply, progress, cancellationToken);

        if (!seen && idempotencyKey is not null)
        {
            // Only the key-to-file binding matters (a re-upload re-runs its rows under their own keys): store no report.
            db.IdempotentRequests.Add(new IdempotentRequest
            {
                Scope = operation,
                Key = idempotencyKey,
                Fingerprint = fingerprint,
                Response = JsonSerializer.Serialize(new ImportReportDto(report.Mode, report.Accepted, []), JsonSerializerOptions.Web),
                CreatedAt = clock.GetUtcNow(),
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear(); // a parallel upload with this key was remembered first; our rows still applied under their own keys
            }
        }

        logger.LogInformation("{Operation} ({Mode}): {Accepted} row(s) applied, {Rejected} refused", operation, mode, report.Accepted, report.Rejected.Count);
        return report;
    }

    private async Task<ImportReportDto> PerRowAsync<TCommand>(
        IEnumerable<ImportRow<TCommand>> rows, Func<TCommand, CancellationToken, Task> apply, BulkProgress progress, CancellationToken cancellationToken)
        where TCommand : class
    {
        var accepted = 0;
        var rejected = new List<RejectedRowDto>();
        foreach (var row in rows)
        {
            if (row.Command is null)
            {
                rejected.Add(new RejectedRowDto(row.Line, row.Sku, row.Errors));
                continue;
            }

            IReadOnlyList<CsvCellError>? errors;
            try
            {
                errors = await TryApplyAsync(row, apply, cancellationToken);
            }
            catch (Exception ex) when (ex is DbUpdateException or DbException)
            {
                // e.g. a unique index lost to a parallel writer: this row is refused, the rows around it still apply.
                logger.LogWarning(ex, "Import row at line {Line} refused by the database", row.Line);
                errors = [new CsvCellError(null, "The database refused this row; it was not applied.")];
            }

            ForgetAppliedRows(); // committed (or rolled back): tracking them would slow every later save and hold the whole file
            if (errors is null)
            {
                accepted++;
            }
            else
            {
                rejected.Add(new RejectedRowDto(row.Line, row.Sku, errors));
            }
            progress.RowDone();
        }

        return new ImportReportDto("per-row", accepted, rejected);
    }

    private async Task<ImportReportDto> AllOrNothingAsync<TCommand>(
        IEnumerable<ImportRow<TCommand>> rows, Func<TCommand, CancellationToken, Task> apply, BulkProgress progress, CancellationToken cancellationToken)
        where TCommand : class
    {
        var accepted = 0;
        var rejected = new List<RejectedRowDto>();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            foreach (var row in rows)
            {
                if (row.Command is null)
                {
                    rejected.Add(new RejectedRowDto(row.Line, row.Sku, row.Errors));
                    continue;
                }

                IReadOnlyList<CsvCellError>? errors;
                try
                {
                    // Inside an open transaction the unit-of-work behaviour leaves saving to us: flush each row so the next sees it.
                    errors = await TryApplyAsync(row, async (command, ct) =>
                    {
                        await apply(command, ct);
                        await db.SaveChangesAsync(ct);
                        ForgetAppliedRows(); // flushed: later rows read it from the transaction, not the change tracker
                    }, cancellationToken);
                }
                catch (Exception ex) when (ex is DbUpdateException or DbException)
                {
                    // The database refused the row; on PostgreSQL the transaction is now unusable, so stop here.
                    logger.LogWarning(ex, "All-or-nothing import stopped at line {Line}: the database refused the row", row.Line);
                    rejected.Add(new RejectedRowDto(row.Line, row.Sku, [new CsvCellError(null, "The database refused this row; nothing was applied.")]));
                    break;
                }

                if (errors is null)
                {
                    accepted++;
                }
                else
                {
                    db.ChangeTracker.Clear();
                    rejected.Add(new RejectedRowDto(row.Line, row.Sku, errors));
                }
                progress.RowDone();
            }

            if (rejected.Count > 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                db.TakeOutboxSignal();
                return new ImportReportDto("all-or-nothing", 0, rejected);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        if (db.TakeOutboxSignal())
        {
            outboxSignal.Notify(db);
        }

        return new ImportReportDto("all-or-nothing", accepted, rejected);
    }

    /// <summary>
    /// Stops tracking rows already saved. One context serves the whole file; without this each save would compare every
    /// earlier row again (a 100,000-row catalog took most of an hour) and the file's entities would stay in memory.
    /// </summary>
    private void ForgetAppliedRows() => db.ChangeTracker.Clear();

    /// <summary>Null when the row was applied; else what the command's validation or rules said, keyed by CSV column.</summary>
    private static async Task<IReadOnlyList<CsvCellError>?> TryApplyAsync<TCommand>(
        ImportRow<TCommand> row, Func<TCommand, CancellationToken, Task> apply, CancellationToken cancellationToken)
        where TCommand : class
    {
        using var item = BulkOperation.Item(); // the row's commands log at Debug; the import logs progress and a summary
        try
        {
            await apply(row.Command!, cancellationToken);
            return null;
        }
        catch (ValidationException ex)
        {
            return [.. ex.Errors.Select(e => new CsvCellError(Column(e.PropertyName), e.ErrorMessage))];
        }
        catch (BusinessRuleViolationException ex)
        {
            return [new CsvCellError(RuleColumn(ex.Rule), ex.Message, ex.Rule)];
        }
        catch (ConflictException ex)
        {
            return [new CsvCellError(row.Sku is not null && ex.Message.Contains($"'{row.Sku}'", StringComparison.Ordinal) ? "sku" : null, ex.Message, "Conflict")];
        }
        catch (NotFoundException ex)
        {
            return [new CsvCellError(null, ex.Message, "NotFound")];
        }
    }

    private static string? Column(string propertyName) =>
        string.IsNullOrEmpty(propertyName) ? null : JsonNamingPolicy.CamelCase.ConvertName(propertyName);

    private static string? RuleColumn(string rule) => rule switch
    {
        "SkuMustExist" or "KitsHoldNoStock" => "sku",
        "LocationMustExist" => "locationCode",
        "BinMustExist" => "bin",
        _ => null,
    };
}
