using System.Reflection;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shouldly;

namespace OrderHub.ArchitectureTests;

/// <summary>Host controllers only send requests (STYLE.md 12): they get ISender, never a module's database or service.</summary>
public sealed class ControllerRulesTests
{
    /// <summary>What a controller may be given, each with its reason. Anything else is a module reach-around.</summary>
    private static readonly Dictionary<Type, string> Allowed = new()
    {
        [typeof(ISender)] = "the one way to a module: send a request through the pipeline",
        [typeof(IMediator)] = "ISender plus publish; still goes through the pipeline",
        [typeof(ILogger<>)] = "logging",
        [typeof(ILogger)] = "logging",
        [typeof(IOptions<>)] = "host configuration",
        [typeof(IOptionsSnapshot<>)] = "host configuration",
        [typeof(IOptionsMonitor<>)] = "host configuration",
        [typeof(SignInManager<>)] = "staff sign-in is the host's own Identity (Access schema), not a module (AccountController)",
        [typeof(UserManager<>)] = "staff accounts are the host's own Identity (Access schema), not a module",
        [typeof(OrderHub.Web.Access.StaffAccounts)] = "the host's own Access: staff users and roles (Admin pages), not a module",
        [typeof(OrderHub.Web.Access.ApiClientRegistry)] = "the host's own Access: API clients and keys (Admin pages), not a module",
        [typeof(OrderHub.Web.Access.AuditLog)] = "the host's own Access: the central audit log (Admin pages), not a module",
    };

    /// <summary>
    /// Known breaches, each with its follow-up. Remove the entry when fixed; the test fails on a stale entry.
    /// </summary>
    private static readonly Dictionary<string, string> ResolvesByHand = new()
    {
        // FOLLOW-UP (issue 20, point 6): ImportsController resolves the module-internal CsvImportRunner (Inventory) and
        // OrderCsvImport (Orders) from RequestServices. Make each import one command (or a module-owned upload endpoint)
        // sent through ISender, then delete this entry.
        ["ImportsController"] = "resolves CsvImportRunner and OrderCsvImport by hand",
    };

    public static IEnumerable<Type> Controllers(Assembly assembly) =>
        assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }
            && (typeof(ControllerBase).IsAssignableFrom(t) || t.GetCustomAttribute<ControllerAttribute>() is not null)
            && t.GetCustomAttribute<NonControllerAttribute>() is null);

    [Fact]
    public void Host_controllers_depend_only_on_isender_and_framework_services()
    {
        var controllers = Controllers(Solution.Host).ToList();
        controllers.ShouldNotBeEmpty();
        var offences = controllers.SelectMany(ForbiddenDependencies).ToList();
        offences.ShouldBeEmpty(string.Join(Environment.NewLine, offences));
    }

    [Fact]
    public void Host_controllers_do_not_resolve_services_by_hand()
    {
        var names = Controllers(Solution.Host).Select(c => c.Name).ToHashSet();
        var offences = SourceFiles.Of(Solution.Host)
            .Where(f => names.Contains(Path.GetFileNameWithoutExtension(f)))
            .Where(f => File.ReadAllText(f).Contains("RequestServices", StringComparison.Ordinal))
            .Select(Path.GetFileNameWithoutExtension)
            .ToList();
        offences.Except(ResolvesByHand.Keys).ShouldBeEmpty("controllers take ISender, not HttpContext.RequestServices");
        ResolvesByHand.Keys.Except(offences).ShouldBeEmpty("fixed: remove the allow-list entry");
    }

    [Fact]
    public void The_rule_catches_a_controller_given_a_database_or_a_service()
    {
        ForbiddenDependencies(typeof(SendingController)).ShouldBeEmpty();
        ForbiddenDependencies(typeof(ReachingController)).Count.ShouldBe(2);
    }

    /// <summary>Constructor parameters and <c>[FromServices]</c>/<c>[FromKeyedServices]</c> action parameters not allowed.</summary>
    internal static List<string> ForbiddenDependencies(Type controller)
    {
        var injected = controller.GetConstructors().SelectMany(c => c.GetParameters())
            .Concat(controller.GetMethods(BindingFlags.Public | BindingFlags.Instance)
                .Where(m => m.DeclaringType == controller)
                .SelectMany(m => m.GetParameters())
                .Where(p => p.GetCustomAttribute<FromServicesAttribute>() is not null || p.GetCustomAttribute<FromKeyedServicesAttribute>() is not null));
        return [.. injected
            .Where(p => !Allowed.ContainsKey(p.ParameterType.IsGenericType ? p.ParameterType.GetGenericTypeDefinition() : p.ParameterType))
            .Select(p => $"{controller.Name} is given {p.ParameterType.Name} {p.Name}")];
    }

    private sealed class SendingController(ISender sender, ILogger<SendingController> logger) : Controller
    {
        public ISender Sender => sender;

        public ILogger Logger => logger;
    }

    private sealed class ReachingController(ISender sender, DbContext db) : Controller
    {
        public ISender Sender => sender;

        public DbContext Db => db;

        public OkObjectResult Index([FromServices] TimeProvider clock) => Ok(clock.GetUtcNow());
    }
}
