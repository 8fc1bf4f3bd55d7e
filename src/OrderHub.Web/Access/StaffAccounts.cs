using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Auditing;

namespace OrderHub.Web.Access;

/// <summary>A staff account as the Admin pages list it.</summary>
public sealed record StaffAccountDto(string Id, string Email, string? DisplayName, IReadOnlyList<string> Roles, bool Disabled);

/// <summary>The answer to an account change: done, or the reason it was refused (shown to the Admin as is).</summary>
public sealed record AccessChange(bool Succeeded, string? Error)
{
    public static readonly AccessChange Done = new(true, null);

    public static AccessChange Refused(string error) => new(false, error);

    public static AccessChange From(IdentityResult result) =>
        result.Succeeded ? Done : Refused(string.Join(" ", result.Errors.Select(e => e.Description)));
}

/// <summary>
/// Staff users and their roles, managed by an Admin: create with roles and a first password, change roles, reset a
/// password, disable and enable (a disabled account cannot sign in, and its cookie stops working at its next request:
/// the lockout end is set and the security stamp changed). An Admin cannot disable themself, and the last enabled
/// Admin can be neither disabled nor demoted. Every change is audited with before and after.
/// </summary>
public sealed class StaffAccounts(UserManager<StaffUser> users, AccessDbContext db, IAuditTrail audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<StaffAccountDto>> ListAsync(CancellationToken cancellationToken)
    {
        var accounts = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var roles = await RolesByUserAsync(null, cancellationToken);
        return accounts.Select(u => ToDto(u, roles)).ToList();
    }

    public async Task<StaffAccountDto?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        return user is null ? null : ToDto(user, await RolesByUserAsync(id, cancellationToken));
    }

    public async Task<AccessChange> CreateAsync(string? email, string? displayName, string? password, IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@', StringComparison.Ordinal))
        {
            return AccessChange.Refused("Enter the staff member's email address.");
        }

        if (CheckRoles(roles) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrEmpty(password))
        {
            return AccessChange.Refused($"Enter a first password of at least {StaffPasswords.MinimumLength} characters.");
        }

        email = email.Trim();
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim(), LockoutEnabled = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return AccessChange.From(created);
        }

        var added = await users.AddToRolesAsync(user, roles);
        if (!added.Succeeded)
        {
            await users.DeleteAsync(user);
            return AccessChange.From(added);
        }

        await audit.RecordAsync(new AuditRecord("Users.Create", email, null, new { email, displayName = user.DisplayName, roles = Sorted(roles), disabled = false }), cancellationToken);
        return AccessChange.Done;
    }

    public async Task<AccessChange> ChangeRolesAsync(string id, IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return AccessChange.Refused("No such staff user.");
        }

        if (CheckRoles(roles) is { } refused)
        {
            return refused;
        }

        var before = (await users.GetRolesAsync(user)).ToList();
        if (before.Contains(StaffRoles.Admin) && !roles.Contains(StaffRoles.Admin) && !await AnotherEnabledAdminAsync(user.Id, cancellationToken))
        {
            return AccessChange.Refused("This is the last enabled Admin: make another user Admin first.");
        }

        var removed = await users.RemoveFromRolesAsync(user, before.Except(roles));
        var added = removed.Succeeded ? await users.AddToRolesAsync(user, roles.Except(before)) : removed;
        if (!added.Succeeded)
        {
            return AccessChange.From(added);
        }

        await users.UpdateSecurityStampAsync(user); // signed-in sessions pick up the new roles at their next request
        await audit.RecordAsync(new AuditRecord("Users.ChangeRoles", user.Email, new { roles = Sorted(before) }, new { roles = Sorted(roles) }), cancellationToken);
        return AccessChange.Done;
    }

    public async Task<AccessChange> SetDisabledAsync(string id, bool disabled, string? currentUserId, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return AccessChange.Refused("No such staff user.");
        }

        var wasDisabled = IsDisabled(user.LockoutEnd);
        if (disabled)
        {
            if (user.Id == currentUserId)
            {
                return AccessChange.Refused("You cannot disable your own account.");
            }

            if (await users.IsInRoleAsync(user, StaffRoles.Admin) && !await AnotherEnabledAdminAsync(user.Id, cancellationToken))
            {
                return AccessChange.Refused("This is the last enabled Admin: it cannot be disabled.");
            }

            await users.SetLockoutEnabledAsync(user, true);
            var locked = await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
            if (!locked.Succeeded)
            {
                return AccessChange.From(locked);
            }

            await users.UpdateSecurityStampAsync(user); // its cookie stops working at its next request
        }
        else
        {
            var unlocked = await users.SetLockoutEndDateAsync(user, null);
            if (!unlocked.Succeeded)
            {
                return AccessChange.From(unlocked);
            }
        }

        await audit.RecordAsync(new AuditRecord(disabled ? "Users.Disable" : "Users.Enable", user.Email, new { disabled = wasDisabled }, new { disabled }), cancellationToken);
        return AccessChange.Done;
    }

    public async Task<AccessChange> ResetPasswordAsync(string id, string? password, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return AccessChange.Refused("No such staff user.");
        }

        if (string.IsNullOrEmpty(password))
        {
            return AccessChange.Refused($"Enter a new password of at least {StaffPasswords.MinimumLength} characters.");
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, password); // checks the policy and ends the user's sessions
        if (!reset.Succeeded)
        {
            return AccessChange.From(reset);
        }

        await audit.RecordAsync(new AuditRecord("Users.ResetPassword", user.Email, null, new { passwordReset = true }), cancellationToken);
        return AccessChange.Done;
    }

    private bool IsDisabled(DateTimeOffset? lockoutEnd) => lockoutEnd is { } end && end > clock.GetUtcNow();

    private static AccessChange? CheckRoles(IReadOnlyCollection<string> roles) =>
        roles.Count == 0 ? AccessChange.Refused("Choose at least one role.")
        : roles.FirstOrDefault(r => !StaffRoles.All.Contains(r)) is { } unknown ? AccessChange.Refused($"Unknown role '{unknown}'.")
        : null;

    private static List<string> Sorted(IEnumerable<string> roles) => roles.Order(StringComparer.Ordinal).ToList();

    private async Task<bool> AnotherEnabledAdminAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var adminIds = await (from ur in db.UserRoles
                              join r in db.Roles on ur.RoleId equals r.Id
                              where r.Name == StaffRoles.Admin && ur.UserId != userId
                              select ur.UserId).ToListAsync(cancellationToken);
        var admins = await db.Users.AsNoTracking().Where(u => adminIds.Contains(u.Id)).Select(u => u.LockoutEnd).ToListAsync(cancellationToken);
        return admins.Any(end => end is null || end <= now);
    }

    private async Task<ILookup<string, string>> RolesByUserAsync(string? userId, CancellationToken cancellationToken)
    {
        var pairs = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where userId == null || ur.UserId == userId
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        return pairs.ToLookup(p => p.UserId, p => p.Name!);
    }

    private StaffAccountDto ToDto(StaffUser user, ILookup<string, string> roles) =>
        new(user.Id, user.Email ?? user.UserName ?? user.Id, user.DisplayName, roles[user.Id].Order(StringComparer.Ordinal).ToList(), IsDisabled(user.LockoutEnd));
}
