// Small browser helpers the Blazor UI calls through JS interop.
window.approvalFlow = {
    timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone || null,
};
