using System.Text.Json;

namespace Screener.Sim.Server;

/// <summary>
/// Validates a client text frame into a <see cref="ControlRequest"/> or the error Binance would answer.
/// Messages follow the documented table ("Invalid request: …", "Invalid JSON: …"); the id is echoed when
/// it could be read, otherwise null.
/// </summary>
internal static class ControlRequestParser
{
    private const string UnknownVariantTail =
        ", expected one of `SUBSCRIBE`, `UNSUBSCRIBE`, `LIST_SUBSCRIPTIONS`, `SET_PROPERTY`, `GET_PROPERTY`";

    public static ControlRequest? Parse(ReadOnlyMemory<byte> utf8, out ControlError? error)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            error = new ControlError(ControlError.InvalidJson,
                $"Invalid JSON: expected value at line {(ex.LineNumber ?? 0) + 1} column {(ex.BytePositionInLine ?? 0) + 1}", RequestId.Null);
            return null;
        }
        using (document)
        {
            return Parse(document.RootElement, out error);
        }
    }

    private static ControlRequest? Parse(JsonElement root, out ControlError? error)
    {
        if (root.ValueKind != JsonValueKind.Object)
            return Fail(out error, ControlError.InvalidRequest, "Invalid request: expected an object", RequestId.Null);
        if (!root.TryGetProperty("id", out var idElement) || !RequestId.TryRead(idElement, out var id))
            return Fail(out error, ControlError.InvalidRequest, "Invalid request: request ID must be an unsigned integer", RequestId.Null);
        if (!root.TryGetProperty("method", out var methodElement))
            return Fail(out error, ControlError.InvalidRequest, "Invalid request: missing field `method`", id);
        if (methodElement.ValueKind != JsonValueKind.String)
            return Fail(out error, ControlError.InvalidRequest, "Invalid request: method must be a string", id);
        var method = methodElement.GetString();
        root.TryGetProperty("params", out var parameters);
        return method switch
        {
            "SUBSCRIBE" => Streams(ControlMethod.Subscribe, parameters, id, out error),
            "UNSUBSCRIBE" => Streams(ControlMethod.Unsubscribe, parameters, id, out error),
            "LIST_SUBSCRIPTIONS" => Ok(new ControlRequest(ControlMethod.ListSubscriptions, id, []), out error),
            "SET_PROPERTY" => SetProperty(parameters, id, out error),
            "GET_PROPERTY" => GetProperty(parameters, id, out error),
            _ => Fail(out error, ControlError.InvalidRequest, $"Invalid request: unknown variant `{method}`{UnknownVariantTail}", id),
        };
    }

    private static ControlRequest? Streams(ControlMethod method, JsonElement parameters, RequestId id, out ControlError? error)
    {
        if (parameters.ValueKind == JsonValueKind.Undefined)
            return Fail(out error, ControlError.InvalidRequest, "Invalid request: missing field `params`", id);
        if (parameters.ValueKind != JsonValueKind.Array)
            return Fail(out error, ControlError.InvalidRequest, "Invalid request: params must be an array of stream names", id);
        var streams = new List<string>(parameters.GetArrayLength());
        foreach (var item in parameters.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || !StreamCatalog.IsWellFormed(item.GetString()!))
                return Fail(out error, ControlError.InvalidRequest, "Invalid request: invalid stream", id);
            streams.Add(item.GetString()!);
        }
        return Ok(new ControlRequest(method, id, streams), out error);
    }

    private static ControlRequest? SetProperty(JsonElement parameters, RequestId id, out ControlError? error)
    {
        if (!PropertyName(parameters, 2, id, out error)) return null;
        var value = parameters[1];
        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            return Fail(out error, ControlError.InvalidValueType, "Invalid value type: expected Boolean", id);
        return Ok(new ControlRequest(ControlMethod.SetProperty, id, [], value.GetBoolean()), out error);
    }

    private static ControlRequest? GetProperty(JsonElement parameters, RequestId id, out ControlError? error) =>
        PropertyName(parameters, 1, id, out error) ? new ControlRequest(ControlMethod.GetProperty, id, []) : null;

    /// <summary>Checks <c>params[0] == "combined"</c>, the only property fstream knows, and the parameter count.</summary>
    private static bool PropertyName(JsonElement parameters, int count, RequestId id, out ControlError? error)
    {
        error = null;
        if (parameters.ValueKind != JsonValueKind.Array || parameters.GetArrayLength() == 0 || parameters[0].ValueKind != JsonValueKind.String)
            error = new ControlError(ControlError.InvalidRequest, "Invalid request: property name must be a string", id);
        else if (parameters.GetArrayLength() > count)
            error = new ControlError(ControlError.InvalidRequest, "Invalid request: too many parameters", id);
        else if (parameters[0].GetString() != "combined")
            error = new ControlError(ControlError.UnknownProperty, "Unknown property", id);
        else if (parameters.GetArrayLength() < count)
            error = new ControlError(ControlError.InvalidValueType, "Invalid value type: expected Boolean", id);
        return error is null;
    }

    private static ControlRequest Ok(ControlRequest request, out ControlError? error)
    {
        error = null;
        return request;
    }

    private static ControlRequest? Fail(out ControlError? error, int code, string message, RequestId id)
    {
        error = new ControlError(code, message, id);
        return null;
    }
}
