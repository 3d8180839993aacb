namespace ApprovalFlow.Web.Features.Calendar;

/// <summary>A calendar change refused by a business rule; the API answers 422 with the rule as the detail.</summary>
public sealed class CalendarRuleException(string message) : Exception(message);
