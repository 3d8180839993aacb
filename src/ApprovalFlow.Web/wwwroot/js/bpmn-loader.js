// Loads the prebuilt bpmn-js UMD bundles (copied to wwwroot/lib/bpmn-js by the build, see docs/designer.md)
// and the ApprovalFlow styles for markers and overlays. Both bundles assign the global `BpmnJS`, so each is
// loaded once, one at a time, and its constructor kept right after it ran.
const root = new URL('../', import.meta.url);
const bundles = {
  modeler: 'lib/bpmn-js/bpmn-modeler.production.min.js',
  viewer: 'lib/bpmn-js/bpmn-navigated-viewer.production.min.js',
};
const constructors = {};
let queue = Promise.resolve();

function addStylesheet(path) {
  const href = new URL(path, root).href;
  if ([...document.querySelectorAll('link[rel=stylesheet]')].some(l => l.href === href)) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  document.head.appendChild(link);
}

const afStyles = `
.af-bpmn-canvas { position: relative; width: 100%; height: 100%; min-height: 420px; background: #fff; }
.djs-element.af-problem .djs-visual > :first-child { stroke: #d32f2f !important; stroke-width: 3px !important; fill: #ffebee !important; }
.af-problem-overlay { background: #d32f2f; color: #fff; font: 12px/1.3 sans-serif; padding: 2px 6px; border-radius: 4px;
  max-width: 260px; white-space: normal; box-shadow: 0 1px 3px rgba(0,0,0,.3); }
.djs-element.af-done .djs-visual > :first-child { stroke: #2e7d32 !important; fill: #e8f5e9 !important; }
.djs-element.af-waiting .djs-visual > :first-child { stroke: #1565c0 !important; stroke-width: 3px !important; fill: #e3f2fd !important; }
.djs-element.af-yellow .djs-visual > :first-child { stroke: #f9a825 !important; stroke-width: 3px !important; fill: #fffde7 !important; }
.djs-element.af-red .djs-visual > :first-child { stroke: #c62828 !important; stroke-width: 4px !important; fill: #ffebee !important; }
.djs-element.af-suspended .djs-visual > :first-child { stroke: #6d4c41 !important; stroke-dasharray: 6 3; fill: #efebe9 !important; }
.djs-element.af-gap .djs-visual > :first-child { stroke: #ef6c00 !important; stroke-dasharray: 2 2; }
.djs-element.af-actionable { cursor: pointer; }
.djs-element.af-actionable .djs-visual > :first-child { filter: drop-shadow(0 0 4px #1565c0); }
.af-task-overlay { background: rgba(255,255,255,.95); border: 1px solid #90a4ae; border-radius: 4px; padding: 1px 5px;
  font: 11px/1.3 sans-serif; color: #263238; white-space: nowrap; pointer-events: none; }
.af-task-overlay.af-red { border-color: #c62828; color: #c62828; }
.af-task-overlay.af-yellow { border-color: #f9a825; }
.djs-element.af-step { cursor: zoom-in; }
.af-step-overlay { font: 12px/1.35 sans-serif; color: #263238; white-space: nowrap; pointer-events: none; }
.af-step-overlay.af-red { color: #c62828; font-weight: 600; } .af-step-overlay.af-yellow { color: #8d6e00; font-weight: 600; }
.af-badge { display: inline-block; border-radius: 8px; padding: 0 6px; font: 11px/16px sans-serif; color: #fff; pointer-events: none; }
.af-badge.af-suspended { background: #6d4c41; } .af-badge.af-gap { background: #ef6c00; }
`;

function addAfStyles() {
  if (document.getElementById('af-bpmn-styles')) return;
  const style = document.createElement('style');
  style.id = 'af-bpmn-styles';
  style.textContent = afStyles;
  document.head.appendChild(style);
}

function loadScript(path) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = new URL(path, root).href;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`Could not load ${path}; was the ClientApp npm step run by the build?`));
    document.head.appendChild(script);
  });
}

/** The bpmn-js constructor of a bundle: 'modeler' (Modeler) or 'viewer' (NavigatedViewer). */
export function loadBpmnJs(kind) {
  addStylesheet('lib/bpmn-js/assets/diagram-js.css');
  addStylesheet('lib/bpmn-js/assets/bpmn-js.css');
  addStylesheet('lib/bpmn-js/assets/bpmn-font/css/bpmn-embedded.css');
  addAfStyles();
  if (constructors[kind]) return Promise.resolve(constructors[kind]);
  queue = queue.catch(() => {}).then(async () => {
    if (constructors[kind]) return;
    const previous = window.BpmnJS;
    await loadScript(bundles[kind]);
    constructors[kind] = window.BpmnJS;
    window.BpmnJS = previous ?? window.BpmnJS;
  });
  return queue.then(() => constructors[kind]);
}

let descriptor;

/** The moddle descriptor of the af: extension attributes (wwwroot/bpmn/af-moddle.json). */
export async function loadAfDescriptor() {
  if (!descriptor) {
    const response = await fetch(new URL('bpmn/af-moddle.json', root).href);
    if (!response.ok) throw new Error(`af-moddle.json: HTTP ${response.status}`);
    descriptor = await response.json();
  }
  return descriptor;
}

/** Escapes text for an overlay's HTML. */
export function escapeHtml(text) {
  return String(text ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}
