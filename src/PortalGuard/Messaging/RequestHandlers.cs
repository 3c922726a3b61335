using System.Text.Json;
using PortalGuard.Assessment;
using PortalGuard.Messaging.Replies;
using PortalGuard.Network;
using PortalGuard.Policy;
using PortalGuard.Portals;
using PortalGuard.Storage;

namespace PortalGuard.Messaging;

/// <summary>One method per protocol v1 request: reads its fields, does the work, builds the reply.</summary>
internal sealed class RequestHandlers(PortalChecker checker, StoreHandle store, INetworkPostureProbe networkProbe, TimeProvider time, string hostVersion)
{
    private const int MaxBrandWords = 32;

    // Beyond ManagedPortals.MaxHosts each host is refused by name; the frame limit (1 MiB) bounds the request anyway.
    private const int MaxManagedHostsInRequest = 100_000;

    public HelloReply Hello(JsonElement id) =>
        new(id, MessageTypes.ProtocolVersion, hostVersion, MessageTypes.Capabilities, store.Settings(),
            store.Store is null ? "unavailable" : "ok", store.Error?.Message);

    public async ValueTask<AssessPageReply> AssessPageAsync(JsonElement id, JsonElement request, CancellationToken cancellationToken)
    {
        var target = ParseTarget(RequestFields.RequiredString(request, "url"), "url");
        var signals = PageSignals.None;
        if (RequestFields.OptionalObject(request, "signals") is { } s)
        {
            const string path = "signals.";
            signals = new PageSignals(
                TopFrame: RequestFields.OptionalBool(s, "topFrame", path) ?? true,
                HasPasswordField: RequestFields.OptionalBool(s, "hasPasswordField", path) ?? false,
                HasRememberMe: RequestFields.OptionalBool(s, "hasRememberMe", path) ?? false,
                FormActionOrigin: RequestFields.OptionalString(s, "formActionOrigin", path),
                BrandWords: RequestFields.OptionalStringArray(s, "brandWords", MaxBrandWords, path))
            {
                TopOrigin = OptionalOrigin(s, "topOrigin", path),
            };
        }

        var check = await checker.CheckAsync(target, signals, cancellationToken).ConfigureAwait(false);
        return AssessPageReply.From(id, check);
    }

    public async ValueTask<PostureReply> GetPostureAsync(JsonElement id, CancellationToken cancellationToken) =>
        new(id, await networkProbe.GetPostureAsync([], cancellationToken).ConfigureAwait(false));

    public CheckPortalReply CheckPortal(JsonElement id, JsonElement request)
    {
        var target = ParseTarget(RequestFields.RequiredString(request, "host"), "host");
        var identity = checker.Identify(target);
        return new CheckPortalReply(id, identity.Host, identity.RegistrableDomain, identity);
    }

    public SettingsReply GetSettings(JsonElement id) => new(id, MessageTypes.GetSettings, store.Settings());

    public SettingsReply SetSettings(JsonElement id, JsonElement request)
    {
        const string path = "settings.";
        var changes = RequestFields.RequiredObject(request, "settings");
        var settingsStore = store.Require().Settings;
        var current = settingsStore.Get();
        var sharedDevice = RequestFields.OptionalBool(changes, SettingsStore.SharedDeviceKey, path);
        var requireVpn = RequestFields.OptionalBool(changes, SettingsStore.RequireVpnKey, path);
        var idleTimeout = RequestFields.OptionalInt(changes, SettingsStore.IdleTimeoutMinutesKey, 0, SettingsStore.MaxIdleTimeoutMinutes, path);

        // A field the machine policy forces may be sent back unchanged (an options page sends every field), never changed.
        var policy = store.Policy;
        RefuseLocked(SettingsStore.SharedDeviceKey, sharedDevice, policy.SharedDevice);
        RefuseLocked(SettingsStore.RequireVpnKey, requireVpn, policy.RequireVpn);
        RefuseLocked(SettingsStore.IdleTimeoutMinutesKey, idleTimeout, policy.IdleTimeoutMinutes);

        var updated = current with
        {
            SharedDevice = sharedDevice ?? current.SharedDevice,
            RequireVpn = requireVpn ?? current.RequireVpn,
            IdleTimeoutMinutes = idleTimeout ?? current.IdleTimeoutMinutes,
        };
        settingsStore.Update(updated);
        return new SettingsReply(id, MessageTypes.SetSettings, store.Settings());

        void RefuseLocked<T>(string key, T? requested, T? forced)
            where T : struct
        {
            if (requested is { } r && forced is { } f && !EqualityComparer<T>.Default.Equals(r, f))
            {
                throw new InvalidRequestException("settings." + key, policy.LockedMessage(key));
            }
        }
    }

    public ReportEventReply ReportEvent(JsonElement id, JsonElement request)
    {
        var code = ParseEnum<AuditEventCode>(RequestFields.RequiredString(request, "event"), "event");

        // An event about the device has no origin: one sent anyway (older extensions sent the portal in use) is not kept.
        var origin = AuditEventScope.IsAboutDevice(code)
            ? null
            : ParseTarget(RequestFields.OptionalString(request, "origin")
                ?? throw new InvalidRequestException("origin", $"The field 'origin' is required for the event '{JsonNamingPolicy.CamelCase.ConvertName(code.ToString())}'."), "origin").Origin;
        VerdictLevel? level = RequestFields.OptionalString(request, "level") is { } l ? ParseEnum<VerdictLevel>(l, "level") : null;
        var count = RequestFields.OptionalInt(request, "count", 0, 1_000_000);

        // Only the origin is kept, whatever the extension sent: a URL path can carry a patient id.
        store.Require().Audit.Record(new AuditEvent(time.GetUtcNow(), origin, code, level, count));
        return new ReportEventReply(id, Recorded: true);
    }

    /// <summary>The browser policy's extra portals for this session: replaces those sent before; an empty list removes them.</summary>
    public ManagedPortalsReply SetManagedPortals(JsonElement id, JsonElement request)
    {
        if (!request.TryGetProperty("hosts", out _))
        {
            throw new InvalidRequestException("hosts", "The field 'hosts' is required.");
        }

        var hosts = RequestFields.OptionalStringArray(request, "hosts", MaxManagedHostsInRequest);
        var result = ManagedPortals.Admit(hosts, checker.Catalog);
        checker.UseManagedPortals(result.Entries);
        return new ManagedPortalsReply(id, result.Added, result.AlreadyKnown, result.Refused);
    }

    /// <summary>An optional web address reduced to its origin (a path never goes further); one that is not a web address is refused.</summary>
    private static string? OptionalOrigin(JsonElement obj, string name, string path) =>
        RequestFields.OptionalString(obj, name, path) is { } value ? ParseTarget(value, path + name).Origin : null;

    private static WebTarget ParseTarget(string value, string field) =>
        WebTargetParser.TryParse(value, out var target, out var error)
            ? target!
            : throw new InvalidRequestException(field, $"The field '{field}' is not a web address PortalGuard can check: {error}");

    private static TEnum ParseEnum<TEnum>(string value, string field)
        where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(JsonNamingPolicy.CamelCase.ConvertName(candidate.ToString()), value, StringComparison.Ordinal))
            {
                return candidate;
            }
        }

        var allowed = string.Join(", ", Enum.GetValues<TEnum>().Select(v => JsonNamingPolicy.CamelCase.ConvertName(v.ToString())));
        throw new InvalidRequestException(field, $"The field '{field}' must be one of: {allowed}.");
    }
}
