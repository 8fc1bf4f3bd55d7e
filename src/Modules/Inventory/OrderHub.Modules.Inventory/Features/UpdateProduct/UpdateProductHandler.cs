using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Inventory.Domain.Catalog;
using OrderHub.Modules.Inventory.Features.GetProduct;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory.Features.UpdateProduct;

/// <summary>Replaces a product's name, price, weight and wine facts. Unknown SKU → 404. Logged with who changed what.</summary>
internal sealed partial class UpdateProductHandler(InventoryDbContext db, ILogger<UpdateProductHandler> logger)
    : ICommandHandler<UpdateProductCommand, ProductDto>
{
    public async ValueTask<ProductDto> Handle(UpdateProductCommand command, CancellationToken cancellationToken)
    {
        var sku = command.Sku.Trim();
        var product = await db.Products.Include(p => p.Components).SingleOrDefaultAsync(p => p.Sku == sku, cancellationToken)
            ?? throw new NotFoundException("Product", sku);
        var before = GetProductHandler.ToDto(product);
        var hasWine = command.Varietal is not null || command.Vintage is not null || command.Appellation is not null
            || command.VolumeMl is not null || command.UnitsPerCase is not null || command.Abv is not null;
        product.Update(command.Name!.Trim(), command.Price, command.Currency!, command.WeightGrams, command.IsAlcohol,
            hasWine ? new WineAttributes(Blank(command.Varietal), command.Vintage, Blank(command.Appellation), command.VolumeMl, command.UnitsPerCase, command.Abv) : null);
        var after = GetProductHandler.ToDto(product);
        LogUpdated(sku, command.Actor, before with { Components = [] }, after with { Components = [] });
        return after;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [LoggerMessage(Level = LogLevel.Information, Message = "Product {Sku} updated by {Actor}: {Before} -> {After}")]
    private partial void LogUpdated(string sku, string actor, ProductDto before, ProductDto after);
}
