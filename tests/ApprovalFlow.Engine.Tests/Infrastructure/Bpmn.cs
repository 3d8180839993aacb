namespace ApprovalFlow.Engine.Tests.Infrastructure;

/// <summary>Wraps a process body in BPMN definitions, so each test shows only the elements it is about.</summary>
public static class Bpmn
{
    public static string Process(string key, string body, string messages = "") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                     xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                     xmlns:af="http://approvalflow.org/schema/1.0/bpmn"
                     id="defs_{key}" targetNamespace="http://approvalflow.test">
          {messages}
          <process id="{key}" isExecutable="true">
        {body}
          </process>
        </definitions>
        """;

    public static string Flow(string id, string from, string to, string? condition = null) =>
        condition is null
            ? $"""<sequenceFlow id="{id}" sourceRef="{from}" targetRef="{to}" />"""
            : $"""<sequenceFlow id="{id}" sourceRef="{from}" targetRef="{to}"><conditionExpression>{System.Security.SecurityElement.Escape(condition)}</conditionExpression></sequenceFlow>""";
}
