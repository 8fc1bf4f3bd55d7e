using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Inventory.Domain.Catalog;
using OrderHub.Modules.Inventory.Features.GetProduct;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory.Features.CreateProduct;

/// <summary>Adds a SKU to the catalog. A duplicate SKU is a conflict; a kit's components must be existing, non-kit SKUs.</summary>
internal sealed class CreateProductHandler(InventoryDbContext db, ILogger<CreateProductHandler> logger)
    : ICommandHandler<CreateProductCommand, ProductDto>
{
    public async ValueTask<ProductDto> Handle(CreateProductCommand command, CancellationToken cancellationToken)
    {
        var sku = command.Sku!.Trim();
        if (await db.Products.AnyAsync(p => p.Sku == sku, cancellationToken))
        {
            throw new ConflictException($"A product with SKU '{sku}' already exists.");
        }

        var hasWine = command.Varietal is not null || command.Vintage is not null || command.Appellation is not null
            || command.VolumeMl is not null || command.UnitsPerCase is not null || command.Abv is not null;
        var product = Product.Create(sku, command.Name!.Trim(), command.Price, command.Currency!, command.WeightGrams, command.IsAlcohol,
            hasWine ? new WineAttributes(command.Varietal, command.Vintage, command.Appellation, command.VolumeMl, command.UnitsPerCase, command.Abv) : null);

        var components = command.Components ?? [];
        if (components.Count > 0)
        {
            var skus = components.Select(c => c.Sku!.Trim()).ToList();
            var known = await db.Products.AsNoTracking().Include(p => p.Components).Where(p => skus.Contains(p.Sku)).ToListAsync(cancellationToken);
            foreach (var c in components)
            {
                var component = known.SingleOrDefault(p => p.Sku == c.Sku!.Trim())
                    ?? throw new BusinessRuleViolationException("SkuMustExist", $"Component SKU '{c.Sku}' is not in the catalog.");
                if (component.IsBundle || component.Sku == sku)
                {
                    throw new BusinessRuleViolationException("KitComponentMustBeStocked", $"Component SKU '{c.Sku}' is itself a kit; kits are made of stocked SKUs.");
                }

                product.AddComponent(component.Sku, c.Quantity);
            }
        }

        db.Products.Add(product);
        var dto = GetProductHandler.ToDto(product);
        logger.LogInformation("Product {Sku} created ({ComponentCount} component(s))", sku, components.Count);
        return dto;
    }
}
