using System.Xml.Linq;

namespace ApprovalFlow.Engine.Parsing;

/// <summary>Namespaces are matched by URI, never by prefix, so bpmn:, semantic: and default-namespace files read alike.</summary>
public static class BpmnNamespaces
{
    public static readonly XNamespace Model = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    /// <summary>The project's own extension attributes: stepCode, department, timeLimitDays, candidateGroups, ...</summary>
    public static readonly XNamespace ApprovalFlow = "http://approvalflow.org/schema/1.0/bpmn";
    public static readonly XNamespace Camunda = "http://camunda.org/schema/1.0/bpmn";
    public static readonly XNamespace Flowable = "http://flowable.org/bpmn";
    public static readonly XNamespace Activiti = "http://activiti.org/bpmn";
    public static readonly XNamespace Zeebe = "http://camunda.org/schema/zeebe/1.0";
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";
}
