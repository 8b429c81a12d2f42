// Inside a shadow root, so the host page's CSS cannot reach in and ours cannot leak out.
// `all: initial !important` on :host also wins over page rules aimed at the host element, and
// would beat a font set beside it, so type is set on the banner and the re-open button instead.
// The three decision buttons share one style: refusing must look exactly as easy as accepting.
export const css = `
:host{all:initial!important}
.b,.o{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK KR","Noto Sans CJK JP",sans-serif;color:#1b1f24}
*{box-sizing:border-box}
[hidden]{display:none!important}
.b{position:fixed;z-index:2147483647;left:16px;right:16px;bottom:16px;margin:0 auto;max-width:44rem;max-height:calc(100vh - 32px);overflow:auto;background:#fff;border:1px solid #c4cad3;border-radius:12px;box-shadow:0 10px 36px rgb(0 0 0/.2);padding:20px 24px}
.b:focus{outline:none}
.n{margin:0;font-size:13px;color:#4b5563}
h2{margin:2px 0 6px;font-size:19px;line-height:1.3}
p{margin:0 0 8px}
a{color:#1d4ed8}
.r{display:flex;flex-wrap:wrap;gap:8px;margin-top:14px}
.k{position:sticky;bottom:-20px;margin:0 -24px -20px;padding:12px 24px 20px;background:#fff;border-top:1px solid #e3e6ea}
button{flex:1 1 9rem;font:inherit;font-weight:600;min-height:44px;padding:8px 16px;border:2px solid #1b1f24;border-radius:8px;background:#1b1f24;color:#fff;cursor:pointer}
button:hover{background:#3b4350}
button:disabled{opacity:.6;cursor:progress}
:focus-visible{outline:3px solid #2563eb;outline-offset:2px}
ul{list-style:none;margin:0;padding:0}
li{border-top:1px solid #e3e6ea;padding:12px 0}
label{display:flex;gap:10px;font-weight:600;cursor:pointer}
input{flex:none;width:20px;height:20px;margin:2px 0 0;accent-color:#1b1f24}
.d{margin:4px 0 0 30px;font-size:14px;color:#374151}
.d p{margin:0 0 4px}
.g{font-weight:600;color:#8a3b00}
.e{color:#b42318;font-weight:600}
.o{color:#fff;font-weight:600;position:fixed;z-index:2147483646;left:12px;bottom:12px;flex:none;min-height:36px;padding:6px 14px;border-radius:18px;font-size:13px;box-shadow:0 2px 8px rgb(0 0 0/.25)}
.s{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`;
