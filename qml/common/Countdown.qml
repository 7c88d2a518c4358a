pragma Singleton
import QtQuick

// How much time a request or a waiting call has left, counted and said the same way everywhere:
// in the inbox list, on one request, on the Enter code page and on the chat's cards.
QtObject {
    // Whole seconds from now until `expiresAt` (ISO 8601 with its zone, as the models give it:
    // RequestDetails.expiresAtUtc, the chat's expiresAt role); 0 when past, "" or unreadable.
    function secondsUntil(expiresAt: string): int {
        const at = Date.parse(expiresAt);
        return isNaN(at) ? 0 : Math.max(0, Math.floor((at - Date.now()) / 1000));
    }

    // "4:05 left", "2 h left", "Expired".
    function timeLeft(seconds: int): string {
        if (seconds <= 0)
            return qsTr("Expired");
        if (seconds >= 3600)
            return qsTr("%1 h left").arg(Math.floor(seconds / 3600));
        const rest = seconds % 60;
        return qsTr("%1:%2 left").arg(Math.floor(seconds / 60)).arg(rest < 10 ? "0" + rest : String(rest));
    }
}
