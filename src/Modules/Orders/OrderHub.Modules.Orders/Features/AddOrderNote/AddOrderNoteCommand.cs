using FluentValidation;
using Mediator;
using OrderHub.BuildingBlocks.Validation;

namespace OrderHub.Modules.Orders.Features.AddOrderNote;

/// <summary>Staff note an order (a call, a promise made): the note is a timeline entry with who wrote it.</summary>
internal sealed record AddOrderNoteCommand(Guid OrderId, string? Text, string Actor = "") : ICommand<bool>;

internal sealed record AddOrderNoteRequest(string? Text);

internal sealed class AddOrderNoteValidator : AbstractValidator<AddOrderNoteCommand>
{
    public AddOrderNoteValidator() => RuleFor(c => c.Text).NotEmpty().MaximumLength(1000).SingleLineText();
}
