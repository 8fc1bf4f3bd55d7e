using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.Web.Infrastructure;

namespace OrderHub.Web.Controllers;

/// <summary>The back-office start page: each module answers its status query through Mediator.</summary>
[Authorize(AuthenticationSchemes = "Identity.Application")]
public sealed class HomeController(ISender sender) : Controller
{
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var statuses = new List<ModuleStatusDto>();
        foreach (var module in ModuleCatalog.All)
        {
            statuses.Add(await sender.Send(GetModuleStatusQuery.For(module), cancellationToken));
        }

        return View(statuses);
    }
}
