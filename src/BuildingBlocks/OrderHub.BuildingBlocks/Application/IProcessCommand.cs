using Mediator;

namespace OrderHub.BuildingBlocks.Application;

/// <summary>
/// A use case that drives a process: it sends other commands, each committing in its own module's unit of work, so
/// it runs outside one (<see cref="UnitOfWorkBehavior{TMessage, TResponse}"/> passes it through). Validation and
/// logging still apply.
/// </summary>
public interface IProcessCommand<out TResponse> : ICommand<TResponse>;
