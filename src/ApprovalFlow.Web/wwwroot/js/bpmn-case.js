// JS interop of the case diagram (Ui/Cases/CaseDiagram.razor): a bpmn-js NavigatedViewer of the case's definition
// version with a marker per element state (done, waiting, red/yellow light, suspended, open gap), an overlay with the
// assignee and deadline of each waiting task, and a click on a task the user may act on reported to .NET
// (dotNetRef.OnTaskClicked(taskId)). One viewer per container element.
import { loadBpmnJs, loadAfDescriptor, escapeHtml } from './bpmn-loader.js';

const viewers = new WeakMap();
const markerClasses = ['af-done', 'af-waiting', 'af-yellow', 'af-red', 'af-suspended', 'af-gap', 'af-actionable', 'af-step'];

function viewerOf(container) {
  const entry = viewers.get(container);
  if (!entry) throw new Error('The case diagram is not initialised on this element.');
  return entry;
}

/** Creates the viewer and opens the definition's XML; then applies the element states. */
export async function render(container, dotNetRef, xml, elements) {
  destroy(container);
  const [Viewer, af] = await Promise.all([loadBpmnJs('viewer'), loadAfDescriptor()]);
  const viewer = new Viewer({ container, moddleExtensions: { af } });
  const entry = { viewer, dotNetRef, elements: [], byId: new Map() };
  viewers.set(container, entry);
  viewer.on('element.click', e => {
    const state = entry.byId.get(e.element.id);
    if (state && state.taskId && state.mayAct) {
      dotNetRef.invokeMethodAsync('OnTaskClicked', state.taskId).catch(() => {});
    } else if (state && state.isStep) {
      drillInto(viewer, e.element.id);
    }
  });
  // Drilling into a step (or back through the breadcrumbs) shows the whole plane.
  viewer.on('root.set', () => setTimeout(() => viewer.get('canvas').zoom('fit-viewport', 'auto'), 0));
  await viewer.importXML(xml);
  viewer.get('canvas').zoom('fit-viewport', 'auto');
  update(container, elements);
  return true;
}

/** Shows the inside of a collapsed step (bpmn-js keeps each collapsed sub-process on a plane of its own, `<id>_plane`). */
function drillInto(viewer, elementId) {
  const canvas = viewer.get('canvas');
  const root = canvas.findRoot(elementId + '_plane');
  if (root) canvas.setRootElement(root);
}

function markersOf(state) {
  const classes = [];
  if (state.state === 'done') classes.push('af-done');
  if (state.state === 'waiting') classes.push('af-waiting');
  if (state.light === 'red') classes.push('af-red');
  if (state.light === 'yellow') classes.push('af-yellow');
  if (state.suspended) classes.push('af-suspended');
  if (state.openGap) classes.push('af-gap');
  if (state.taskId && state.mayAct) classes.push('af-actionable');
  if (state.isStep) classes.push('af-step');
  return classes;
}

/**
 * Applies element states: [{ elementId, state: 'done'|'waiting', light: 'green'|'yellow'|'red'|null, suspended, openGap,
 * assignee, due (text), taskId, mayAct, label }]. Each element's SVG group also gets data-af-state, data-af-light and
 * data-task-id attributes, so tests can find them.
 */
export function update(container, elements) {
  const entry = viewerOf(container);
  const canvas = entry.viewer.get('canvas');
  const overlays = entry.viewer.get('overlays');
  const registry = entry.viewer.get('elementRegistry');
  for (const old of entry.elements) {
    if (!registry.get(old.elementId)) continue;
    for (const c of markerClasses) canvas.removeMarker(old.elementId, c);
    const gfx = registry.getGraphics(old.elementId);
    for (const a of ['data-af-state', 'data-af-light', 'data-task-id', 'data-af-may-act', 'data-af-step']) gfx.removeAttribute(a);
  }
  overlays.remove({ type: 'af-case' });
  entry.elements = elements || [];
  entry.byId = new Map(entry.elements.map(e => [e.elementId, e]));
  for (const state of entry.elements) {
    const element = registry.get(state.elementId);
    if (!element) continue;
    for (const c of markersOf(state)) canvas.addMarker(state.elementId, c);
    const gfx = registry.getGraphics(element);
    gfx.setAttribute('data-af-state', state.state);
    if (state.light) gfx.setAttribute('data-af-light', state.light);
    if (state.taskId) gfx.setAttribute('data-task-id', state.taskId);
    gfx.setAttribute('data-af-may-act', state.mayAct ? 'true' : 'false');
    if (state.isStep) {
      gfx.setAttribute('data-af-step', 'true');
      // Inside the step's shape, above its name: its status and deadline, then who holds it (two lines, clear of the name).
      const lines = [[state.label, state.due].filter(Boolean).join(' · '), state.assignee].filter(Boolean).map(escapeHtml).join('<br>');
      overlays.add(element, 'af-case', {
        position: { top: 3, left: 6 },
        html: `<div class="af-step-overlay ${state.light === 'red' ? 'af-red' : state.light === 'yellow' ? 'af-yellow' : ''}"`
          + ` data-testid="step-overlay" data-element-id="${escapeHtml(state.elementId)}">${lines}</div>`,
      });
    } else if (state.state === 'waiting' && (state.assignee || state.due || state.label)) {
      const lines = [state.label, state.assignee, state.due].filter(Boolean).map(escapeHtml).join('<br>');
      overlays.add(element, 'af-case', {
        position: { bottom: -4, left: 0 },
        html: `<div class="af-task-overlay ${state.light === 'red' ? 'af-red' : state.light === 'yellow' ? 'af-yellow' : ''}"`
          + ` data-testid="task-overlay" data-element-id="${escapeHtml(state.elementId)}">${lines}</div>`,
      });
    }
    const badges = [];
    if (state.suspended) badges.push(['af-suspended', state.suspendedText || '中止 suspended']);
    if (state.openGap) badges.push(['af-gap', state.gapText || '容缺 open gap']);
    if (badges.length > 0) {
      overlays.add(element, 'af-case', {
        position: { top: -10, right: 10 },
        html: '<div>' + badges.map(([c, t]) => `<span class="af-badge ${c}">${escapeHtml(t)}</span>`).join(' ') + '</div>',
      });
    }
  }
  return true;
}

export function destroy(container) {
  const entry = viewers.get(container);
  if (!entry) return;
  entry.viewer.destroy();
  viewers.delete(container);
}
