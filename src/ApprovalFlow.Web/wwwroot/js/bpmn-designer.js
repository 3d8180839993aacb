// JS interop of the designer page (Ui/Designer/DesignerPage.razor): a bpmn-js Modeler with the af: moddle
// extension, the selected element's af: attributes reported to .NET, written back with modeling.updateProperties,
// and the engine's validation problems shown as markers and overlays. One modeler per container element.
import { loadBpmnJs, loadAfDescriptor, escapeHtml } from './bpmn-loader.js';

const designers = new WeakMap();

/** The af: attributes the properties panel edits, by element kind. */
const userTaskAttributes = ['role', 'stepCode', 'department', 'timeLimitDays', 'toleratedGap', 'pledgeReplaceable', 'virtualApproval',
  'candidateGroups', 'candidateUsers', 'assignee', 'outcomes', 'outcomeVariable', 'approvedVariable', 'brokenVariable', 'methodVariable'];
/** Events and gateways may mark what a token passing them means for a step (af:marks, with af:stepCode). */
const markerAttributes = ['stepCode', 'marks'];
const booleanAttributes = new Set(['toleratedGap', 'pledgeReplaceable', 'virtualApproval']);
const fallbackPrefixes = ['camunda', 'flowable', 'activiti'];

export const emptyDiagram = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
  xmlns:af="http://approvalflow.org/schema/1.0/bpmn" id="Definitions_1" targetNamespace="http://approvalflow.org/workflows">
  <bpmn:process id="new-approval" name="新审批流程" isExecutable="true">
    <bpmn:startEvent id="start" name="开始" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="new-approval">
      <bpmndi:BPMNShape id="start_di" bpmnElement="start">
        <dc:Bounds x="180" y="160" width="36" height="36" />
      </bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>`;

function designerOf(container) {
  const designer = designers.get(container);
  if (!designer) throw new Error('The designer is not initialised on this element.');
  return designer;
}

function timerDefinitionOf(bo) {
  return (bo.eventDefinitions || []).find(d => d.$type === 'bpmn:TimerEventDefinition');
}

/** What the properties panel shows for an element: its kind and every af: attribute that applies to it. */
function describe(element) {
  if (!element || !element.businessObject) return null;
  const bo = element.businessObject;
  const attrs = {};
  const inherited = {};
  let fields = [];
  if (bo.$instanceOf('bpmn:UserTask')) {
    fields = userTaskAttributes;
    for (const name of ['candidateGroups', 'candidateUsers', 'assignee']) {
      for (const prefix of fallbackPrefixes) {
        const value = bo.$attrs && bo.$attrs[`${prefix}:${name}`];
        if (value && !inherited[name]) inherited[name] = `${prefix}:${name}=${value}`;
      }
    }
  } else if (bo.$instanceOf('bpmn:ServiceTask')) {
    fields = ['handler'];
  } else if (bo.$instanceOf('bpmn:IntermediateThrowEvent')) {
    fields = [...markerAttributes, 'pledgeCovers'];
  } else if (bo.$instanceOf('bpmn:Event') || bo.$instanceOf('bpmn:Gateway')) {
    fields = markerAttributes;
  }
  for (const name of fields) {
    const value = bo.get(`af:${name}`);
    if (value !== undefined && value !== null) attrs[name] = booleanAttributes.has(name) ? String(value) : String(value);
  }
  const timer = timerDefinitionOf(bo);
  if (timer) {
    fields = [...fields, 'workingDays'];
    const value = timer.get('af:workingDays');
    if (value !== undefined && value !== null) attrs.workingDays = String(value);
  }
  return {
    id: bo.id,
    type: bo.$type.replace(/^bpmn:/, ''),
    name: bo.name || null,
    fields,
    attributes: attrs,
    inherited,
  };
}

/**
 * Creates the modeler in the container; selection changes call dotNetRef.OnSelectionChanged(description or null)
 * and edits dotNetRef.OnDiagramChanged().
 */
export async function init(container, dotNetRef) {
  destroy(container);
  const [Modeler, af] = await Promise.all([loadBpmnJs('modeler'), loadAfDescriptor()]);
  const modeler = new Modeler({ container, moddleExtensions: { af } });
  const designer = { modeler, dotNetRef, problems: [], selectedId: null };
  designers.set(container, designer);
  const report = element => {
    designer.selectedId = element ? element.id : null;
    dotNetRef.invokeMethodAsync('OnSelectionChanged', element ? describe(element) : null).catch(() => {});
  };
  modeler.on('selection.changed', e => report(e.newSelection.length === 1 ? e.newSelection[0] : null));
  modeler.on('element.changed', e => {
    if (e.element && e.element.id === designer.selectedId) report(e.element);
  });
  modeler.on('commandStack.changed', () => dotNetRef.invokeMethodAsync('OnDiagramChanged').catch(() => {}));
  return true;
}

/**
 * The text is already decoded (a JS string), so the encoding its XML declaration names (e.g. ISO-8859-1 in the MIWG
 * files) no longer applies: it is said to be UTF-8, as the modeler writes it on export, instead of importing with a warning.
 */
function declaredUtf8(xml) {
  return xml.replace(/^(\uFEFF?\s*<\?xml\b[^>]*?\bencoding\s*=\s*)(["'])[^"']*\2/, '$1$2UTF-8$2');
}

/** Opens a BPMN document; returns the import warnings (messages). Throws with the reason when it cannot be read. */
export async function importXml(container, xml) {
  const designer = designerOf(container);
  clearProblems(container);
  const result = await designer.modeler.importXML(declaredUtf8(xml || emptyDiagram));
  designer.modeler.get('canvas').zoom('fit-viewport', 'auto');
  return (result.warnings || []).map(w => w.message);
}

/** A new diagram: one executable process with a start event, the af: namespace declared. */
export function newDiagram(container) {
  return importXml(container, emptyDiagram);
}

/** The diagram as BPMN 2.0 XML (formatted). */
export async function exportXml(container) {
  const { xml } = await designerOf(container).modeler.saveXML({ format: true });
  return xml;
}

/**
 * The diagram as UTF-8 bytes, which Blazor reads as a stream (IJSStreamReference): a model is larger than the
 * 32 KB a SignalR message from the browser may carry.
 */
export async function exportXmlBytes(container) {
  return new TextEncoder().encode(await exportXml(container));
}

/** The step settings: the same on every user task of one step (af:stepCode). */
const stepAttributes = new Set(['department', 'timeLimitDays', 'toleratedGap', 'pledgeReplaceable', 'virtualApproval']);

/**
 * Writes one af: attribute of an element through bpmn-js modeling (undoable). An empty value removes it.
 * workingDays is written on the element's timer event definition. With wholeStep, a step setting is also written on every
 * other user task with the same af:stepCode that already carries it. Returns the element's new description.
 */
export function updateAttribute(container, elementId, name, value, wholeStep) {
  const { modeler } = designerOf(container);
  const registry = modeler.get('elementRegistry');
  const element = registry.get(elementId);
  if (!element) throw new Error(`No element ${elementId} in the diagram.`);
  const stepCode = element.businessObject.get && element.businessObject.$instanceOf('bpmn:UserTask')
    ? element.businessObject.get('af:stepCode') : undefined;
  if (wholeStep && stepCode && stepAttributes.has(name)) {
    // Only tasks that already carry the setting: the enterprise's correction task of a step has no time limit, and keeps none.
    const sameStep = registry.filter(e => e.id !== element.id && e.type === 'bpmn:UserTask'
      && e.businessObject.get('af:stepCode') === stepCode && e.businessObject.get(`af:${name}`) !== undefined);
    for (const other of [element, ...sameStep]) writeAttribute(modeler, other, name, value);
    return describe(element);
  }
  writeAttribute(modeler, element, name, value);
  return describe(element);
}

function writeAttribute(modeler, element, name, value) {
  const modeling = modeler.get('modeling');
  const empty = value === null || value === undefined || String(value).trim() === '';
  const bo = element.businessObject;
  if (name === 'workingDays') {
    const timer = timerDefinitionOf(bo);
    if (!timer) throw new Error(`${element.id} has no timer event definition.`);
    modeling.updateModdleProperties(element, timer, { 'af:workingDays': empty ? undefined : String(value).trim() });
  } else {
    let written = empty ? undefined : String(value).trim();
    if (!empty && booleanAttributes.has(name)) written = String(value) === 'true';
    modeling.updateProperties(element, { [`af:${name}`]: written });
    // af: wins over camunda:/flowable:/activiti: in the engine; the older attribute is dropped so the file says one thing.
    if (['candidateGroups', 'candidateUsers', 'assignee'].includes(name) && !empty && bo.$attrs) {
      for (const prefix of fallbackPrefixes) delete bo.$attrs[`${prefix}:${name}`];
    }
  }
}

/** Renames an element (bpmn name), through modeling. */
export function updateName(container, elementId, name) {
  const { modeler } = designerOf(container);
  const element = modeler.get('elementRegistry').get(elementId);
  if (!element) throw new Error(`No element ${elementId} in the diagram.`);
  modeler.get('modeling').updateProperties(element, { name: name || undefined });
  return describe(element);
}

/** Shows the plane an element is drawn on (a collapsed sub-process's own plane, or the process). */
function showPlaneOf(modeler, element) {
  const canvas = modeler.get('canvas');
  const root = canvas.findRoot(element);
  if (root && root !== canvas.getRootElement()) canvas.setRootElement(root);
}

/** Selects an element, opening the plane it is drawn on, and scrolls it into view (from the problem list). */
export function selectElement(container, elementId) {
  const { modeler } = designerOf(container);
  const element = modeler.get('elementRegistry').get(elementId);
  if (!element) return false;
  showPlaneOf(modeler, element);
  modeler.get('selection').select(element);
  if (element.waypoints === undefined) modeler.get('canvas').scrollToElement(element);
  return true;
}

/**
 * Shows the engine's problems ([{ elementId, message }]) as a red marker and an overlay on each element found;
 * returns the ids of the problems' elements that are not in the diagram (shown in the list only).
 */
export function showProblems(container, problems) {
  clearProblems(container);
  const designer = designerOf(container);
  const registry = designer.modeler.get('elementRegistry');
  const canvas = designer.modeler.get('canvas');
  const overlays = designer.modeler.get('overlays');
  const missing = [];
  const byElement = new Map();
  for (const p of problems || []) {
    if (!p.elementId || !registry.get(p.elementId)) { missing.push(p.elementId ?? null); continue; }
    if (!byElement.has(p.elementId)) byElement.set(p.elementId, []);
    byElement.get(p.elementId).push(p.message);
  }
  for (const [id, messages] of byElement) {
    canvas.addMarker(id, 'af-problem');
    const html = `<div class="af-problem-overlay" data-testid="problem-overlay" data-element-id="${escapeHtml(id)}">`
      + messages.map(escapeHtml).join('<br>') + '</div>';
    overlays.add(id, 'af-problem', { position: { bottom: -6, left: 0 }, html });
    designer.problems.push(id);
  }
  // The first problem is shown where it is: a problem inside a collapsed step opens that step's plane.
  const first = byElement.keys().next();
  if (!first.done) showPlaneOf(designer.modeler, registry.get(first.value));
  return missing;
}

/** Removes every problem marker and overlay. */
export function clearProblems(container) {
  const designer = designers.get(container);
  if (!designer) return;
  const canvas = designer.modeler.get('canvas');
  const registry = designer.modeler.get('elementRegistry');
  for (const id of designer.problems) if (registry.get(id)) canvas.removeMarker(id, 'af-problem');
  designer.modeler.get('overlays').remove({ type: 'af-problem' });
  designer.problems = [];
}

export function destroy(container) {
  const designer = designers.get(container);
  if (!designer) return;
  designer.modeler.destroy();
  designers.delete(container);
}

/** Saves text as a file in the browser (the designer's "download XML"). */
export function download(fileName, text) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/xml' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
