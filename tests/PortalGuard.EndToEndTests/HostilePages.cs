namespace PortalGuard.EndToEndTests;

/// <summary>Login pages that attack the content script from the page's own (main) world. Each is the same MyChart
/// login form plus one hostile script. A probe, the first script of every page, records what the page's
/// window.onerror, "error" and "unhandledrejection" saw: <c>window.__seen()</c> must stay empty.</summary>
internal static class HostilePages
{
    /// <summary>Capture listeners on window and document for every event the gate uses, each calling stopImmediatePropagation.</summary>
    public const string StopPropagation = "stop-propagation";

    /// <summary>Array.prototype, JSON, MutationObserver, HTMLInputElement.prototype.checked/type, DOM methods redefined; prototypes frozen.</summary>
    public const string RedefinedGlobals = "redefined-globals";

    /// <summary>A stylesheet and a script that hide PortalGuard's elements (display:none, hidden, inert), and a full-page cover at the highest z-index.</summary>
    public const string HidesHost = "hides-host";

    /// <summary>Removes PortalGuard's elements as soon as they appear, five times.</summary>
    public const string RemovesHost = "removes-host";

    /// <summary>Opens its own modal dialog and a full-page popover over PortalGuard's overlay, five times.</summary>
    public const string CoversTopLayer = "covers-top-layer";

    /// <summary>Freezes the DOM: a MutationObserver undoes every node anyone adds, for ever.</summary>
    public const string FrozenDom = "frozen-dom";

    /// <summary>Offers <c>window.sendForm()</c>: fills the password and calls form.submit(), which fires no submit event.</summary>
    public const string ScriptSubmit = "script-submit";

    /// <summary>Sends the password field's value with fetch() on every keystroke, without any form submission.</summary>
    public const string FetchOnInput = "fetch-on-input";

    /// <summary>Adds 10,000 forms, then draws its login form.</summary>
    public const string TenThousandForms = "ten-thousand-forms";

    /// <summary>Adds and removes 300 elements every 10 ms, and draws its login form late.</summary>
    public const string DomChurn = "dom-churn";

    /// <summary>Re-enables and re-checks "Remember me" every 5 ms, and puts remember=on back into the form data itself.</summary>
    public const string RememberMeLoop = "remember-me-loop";

    private const string Probe = """
        <script>
          (() => {
            const seen = [];
            const note = (kind, detail) => { seen[seen.length] = kind + ": " + String(detail); };
            window.onerror = (message, source) => { note("onerror", message + " @ " + source); };
            window.addEventListener("error", (e) => note("error", e.message), true);
            window.addEventListener("unhandledrejection", (e) => note("unhandledrejection", e.reason), true);
            const join = Array.prototype.join;
            window.__seen = () => join.call(seen, "\n");
          })();
        </script>
        """;

    private const string Form = """
        <form id="login" method="post" action="/hostile-submit">
          <label for="username">Username</label> <input id="username" name="username" type="text">
          <label for="password">Password</label> <input id="password" name="password" type="password">
          <input id="remember" name="remember" type="checkbox"><label for="remember">Remember me</label>
          <button id="sign-in" type="submit">Sign in</button>
        </form>
        """;

    private static readonly Dictionary<string, (string Head, string Body, bool LateForm)> Pages = new(StringComparer.Ordinal)
    {
        [StopPropagation] = ("""
            <script>
              for (const type of ["focusin", "focus", "focusout", "submit", "keydown", "keypress", "beforeinput", "input", "formdata",
                                  "toggle", "fullscreenchange", "DOMContentLoaded", "click"]) {
                window.addEventListener(type, (e) => e.stopImmediatePropagation(), true);
                document.addEventListener(type, (e) => e.stopImmediatePropagation(), true);
              }
            </script>
            """, "", false),

        [RedefinedGlobals] = ("""
            <script>
              (() => {
                const fail = () => { throw new Error("hostile page: redefined"); };
                for (const name of ["some", "map", "filter", "forEach", "includes", "indexOf", "push", "find", "splice"]) {
                  Array.prototype[name] = fail;
                }
                JSON.parse = fail;
                JSON.stringify = fail;
                window.MutationObserver = function MutationObserver() { fail(); };
                window.WeakSet = function WeakSet() { fail(); };
                Object.defineProperty(HTMLInputElement.prototype, "checked", { get: () => true, set: () => {}, configurable: false });
                Object.defineProperty(HTMLInputElement.prototype, "type", { get: () => "text", configurable: false });
                Element.prototype.attachShadow = fail;
                Element.prototype.matches = fail;
                Document.prototype.querySelector = fail;
                Document.prototype.createElement = fail;
                HTMLDialogElement.prototype.showModal = fail;
                Node.prototype.appendChild = fail;
                Event.prototype.preventDefault = () => {};
                for (const proto of [Object.prototype, Array.prototype, Node.prototype, Element.prototype, HTMLElement.prototype,
                                     HTMLInputElement.prototype, HTMLFormElement.prototype, EventTarget.prototype, Document.prototype]) {
                  Object.freeze(proto);
                }
                Object.freeze(document);
                Object.freeze(window.chrome);
              })();
            </script>
            """, "", false),

        [HidesHost] = ("""
            <style>
              portalguard-overlay, portalguard-banner, html > :not(head):not(body) {
                display: none !important; visibility: hidden !important; opacity: 0 !important; }
              #cover { position: fixed; inset: 0; z-index: 2147483647; background: #fff; font: 24px sans-serif; }
            </style>
            <script>
              new MutationObserver(() => {
                for (const element of document.querySelectorAll("portalguard-overlay, portalguard-banner")) {
                  if (!element.hidden) {
                    element.setAttribute("style", "display: none !important; z-index: -1 !important");
                    element.hidden = true;
                    element.inert = true;
                  }
                }
              }).observe(document.documentElement, { childList: true });
            </script>
            """, """<div id="cover">Nothing to see here</div>""", false),

        [RemovesHost] = ("""
            <script>
              let removals = 0;
              const observer = new MutationObserver(() => {
                for (const element of document.querySelectorAll("portalguard-overlay, portalguard-banner")) {
                  if (removals < 5) { removals++; element.remove(); }
                }
              });
              observer.observe(document.documentElement, { childList: true });
            </script>
            """, "", false),

        [CoversTopLayer] = ("""
            <style>
              #evil-popover { position: fixed; inset: 0; width: 100vw; height: 100vh; margin: 0; background: #fff; border: 0; }
              #evil-dialog { width: 100vw; height: 100vh; max-width: none; max-height: none; margin: 0; }
            </style>
            """, """
            <dialog id="evil-dialog">Log in here instead</dialog>
            <div id="evil-popover" popover="manual">Nothing to see here</div>
            <script>
              let covers = 0;
              const cover = () => {
                if (covers++ >= 5) return;
                const dialog = document.getElementById("evil-dialog");
                const popover = document.getElementById("evil-popover");
                if (dialog.open) dialog.close();
                dialog.showModal();
                if (popover.matches(":popover-open")) popover.hidePopover();
                popover.showPopover();
                setTimeout(cover, 60);
              };
              new MutationObserver(() => {
                if (document.querySelector("portalguard-overlay") && covers === 0) setTimeout(cover, 30);
              }).observe(document.documentElement, { childList: true });
            </script>
            """, false),

        [FrozenDom] = ("""
            <script>
              addEventListener("DOMContentLoaded", () => {
                new MutationObserver((records) => {
                  for (const record of records) {
                    for (const node of record.addedNodes) node.remove();
                  }
                }).observe(document, { childList: true, subtree: true });
              });
            </script>
            """, "", false),

        [ScriptSubmit] = ("", """
            <script>
              window.sendForm = () => {
                document.getElementById("username").value = "patient";
                document.getElementById("password").value = "hunter2";
                document.getElementById("login").submit();
              };
            </script>
            """, false),

        [FetchOnInput] = ("", """
            <script>
              const field = document.getElementById("password");
              const send = () => { if (field.value !== "") fetch("/hostile-collect", { method: "POST", body: field.value }); };
              field.addEventListener("input", send);
              field.addEventListener("keyup", send);
            </script>
            """, false),

        [TenThousandForms] = ("", """
            <div id="forms"></div>
            <script>
              // After the parse, one by one: 10,000 mutation records for whoever watches.
              addEventListener("DOMContentLoaded", () => setTimeout(() => {
                const holder = document.getElementById("forms");
                for (let i = 0; i < 10000; i++) {
                  const form = document.createElement("form");
                  const input = document.createElement("input");
                  input.name = "q" + i;
                  form.append(input);
                  holder.append(form);
                }
                setTimeout(drawLoginForm, 200);
              }, 0));
            </script>
            """, true),

        [DomChurn] = ("", """
            <div id="churn"></div>
            <script>
              const churn = document.getElementById("churn");
              let batch = [];
              window.churning = setInterval(() => {
                for (const node of batch) node.remove();
                batch = [];
                for (let i = 0; i < 300; i++) {
                  const span = document.createElement("span");
                  span.textContent = "x";
                  batch.push(span);
                  churn.append(span);
                }
              }, 10);
              setTimeout(drawLoginForm, 300);
            </script>
            """, true),

        [RememberMeLoop] = ("", """
            <script>
              const box = document.getElementById("remember");
              window.recheck = setInterval(() => { box.disabled = false; box.checked = true; }, 5);
              window.stopLoop = () => clearInterval(window.recheck);
              document.getElementById("login").addEventListener("formdata", (e) => e.formData.set("remember", "on"));
            </script>
            """, false),
    };

    public static IReadOnlyCollection<string> Names => Pages.Keys;

    /// <summary>The page's markup, or null for a name that is not one of them.</summary>
    public static string? Markup(string name)
    {
        if (!Pages.TryGetValue(name, out var page))
        {
            return null;
        }

        // A late form is drawn by the page's own script (drawLoginForm), as a single-page app does.
        var late = $$"""
            <div id="app"></div>
            <script>
              window.drawLoginForm = () => {
                document.getElementById("app").innerHTML = `{{Form}}`;
                window.passwordAddedAt = performance.now();
              };
            </script>
            """;
        return $$"""
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>MyChart - Login Page</title>
            <style>body { margin: 0; padding: 180px 24px 24px; font: 16px sans-serif; }</style>
            {{Probe}}
            {{page.Head}}
            </head>
            <body>
            <h1>MyChart</h1>
            {{(page.LateForm ? late : Form)}}
            {{page.Body}}
            </body>
            </html>
            """;
    }
}
