using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Security;

namespace OrderHub.Web.Access;

/// <summary>Bound from <c>OrderHub:Bootstrap</c> (env: <c>OrderHub__Bootstrap__ApiKey</c>, <c>__AdminEmail</c>, <c>__AdminPassword</c>).</summary>
public sealed class BootstrapOptions
{
    public const string SectionName = "OrderHub:Bootstrap";

    public string? ApiKey { get; set; }

    public string? AdminEmail { get; set; }

    public string? AdminPassword { get; set; }
}

/// <summary>Creates the staff roles, and on an empty system the first API client and the first Admin.</summary>
public sealed class AccessBootstrapper(
    AccessDbContext db,
    RoleManager<IdentityRole> roles,
    UserManager<StaffUser> users,
    TimeProvider clock,
    ILogger<AccessBootstrapper> logger)
{
    public async Task RunAsync(BootstrapOptions options, CancellationToken cancellationToken)
    {
        foreach (var role in StaffRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        if (!string.IsNullOrWhiteSpace(options.ApiKey) && !await db.ApiClients.AnyAsync(cancellationToken))
        {
            db.ApiClients.Add(new ApiClient
            {
                Name = "Bootstrap client",
                KeyPrefix = ApiKeys.Prefix(options.ApiKey),
                KeyHash = ApiKeys.Hash(options.ApiKey),
                Scopes = string.Join(' ', ApiScopes.All),
                CreatedAt = clock.GetUtcNow(),
            });
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Created the bootstrap API client with all scopes");
        }

        if (!string.IsNullOrWhiteSpace(options.AdminEmail) && !string.IsNullOrWhiteSpace(options.AdminPassword)
            && !await db.Users.AnyAsync(cancellationToken))
        {
            var admin = new StaffUser { UserName = options.AdminEmail, Email = options.AdminEmail, EmailConfirmed = true, DisplayName = "Administrator" };
            var created = await users.CreateAsync(admin, options.AdminPassword);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException("Bootstrap admin refused: " + string.Join("; ", created.Errors.Select(e => e.Description)));
            }

            await users.AddToRoleAsync(admin, StaffRoles.Admin);
            logger.LogInformation("Created the bootstrap Admin {AdminEmail}", options.AdminEmail);
        }
    }
}
