namespace PortalGuard.Tests.Network;

/// <summary>What nmcli and netsh print, as recorded from the tools (addresses and GUIDs changed).</summary>
internal static class WifiFixtures
{
    // nmcli -t -f ACTIVE,SSID,SECURITY device wifi list --rescan no (LC_ALL=C)
    public const string NmcliHomeWpa2 = """
        yes:HomeNet:WPA2
        no:HomeNet:WPA2
        no:Neighbours-5G:WPA1 WPA2
        no::WPA2
        no:xfinitywifi:
        """;

    public const string NmcliHotelOpen = """
        no:HP-Print-3F-LaserJet:WPA2
        yes:Hotel Guest:
        no:Hotel Guest:
        no:Hotel Staff:WPA2 802.1X
        """;

    public const string NmcliNothingActive = """
        no:Neighbours-5G:WPA1 WPA2
        no:xfinitywifi:
        """;

    // netsh wlan show interfaces, Windows 11, English
    public const string NetshConnectedWpa2 = """

        There is 1 interface on the system:

            Name                   : Wi-Fi
            Description            : Intel(R) Wi-Fi 6 AX201 160MHz
            GUID                   : 3b5e8c41-6f0d-4c1e-9a2b-7d8e9f0a1b2c
            Physical address       : 4c:79:6e:12:34:56
            Interface type         : Primary
            State                  : connected
            SSID                   : HomeNet
            AP BSSID               : 9c:53:22:ab:cd:ef
            Band                   : 5 GHz
            Channel                : 44
            Network type           : Infrastructure
            Radio type             : 802.11ax
            Authentication         : WPA2-Personal
            Cipher                 : CCMP
            Connection mode        : Auto Connect
            Receive rate (Mbps)    : 1201
            Transmit rate (Mbps)   : 1201
            Signal                 : 96%
            Profile                : HomeNet
            QoS MSCS Configured         : 0
            QoS Map Configured          : 0
            QoS Map Allowed by Policy   : 0

            Hosted network status  : Not available

        """;

    public const string NetshConnectedOpen = """

        There is 1 interface on the system:

            Name                   : Wi-Fi
            Description            : Realtek RTL8822CE 802.11ac PCIe Adapter
            GUID                   : 0d1e2f3a-4b5c-6d7e-8f90-a1b2c3d4e5f6
            Physical address       : 3c:9c:0f:aa:bb:cc
            State                  : connected
            SSID                   : Airport Free WiFi
            BSSID                  : 00:1a:1e:01:02:03
            Network type           : Infrastructure
            Radio type             : 802.11n
            Authentication         : Open
            Cipher                 : None
            Connection mode        : Profile
            Channel                : 11
            Receive rate (Mbps)    : 72.2
            Transmit rate (Mbps)   : 72.2
            Signal                 : 61%
            Profile                : Airport Free WiFi

            Hosted network status  : Not available

        """;

    public const string NetshConnectedWep = """

        There is 1 interface on the system:

            Name                   : Wireless Network Connection
            Description            : Broadcom 802.11n Network Adapter
            GUID                   : 11111111-2222-3333-4444-555555555555
            Physical address       : 00:26:5e:01:02:03
            State                  : connected
            SSID                   : OldRouter
            BSSID                  : 00:14:bf:01:02:03
            Network type           : Infrastructure
            Radio type             : 802.11g
            Authentication         : Open
            Cipher                 : WEP
            Connection mode        : Profile
            Channel                : 1
            Receive rate (Mbps)    : 54
            Transmit rate (Mbps)   : 54
            Signal                 : 70%
            Profile                : OldRouter

        """;

    public const string NetshConnectedOwe = """

        There is 1 interface on the system:

            Name                   : Wi-Fi
            Description            : Intel(R) Wi-Fi 6E AX211 160MHz
            State                  : connected
            SSID                   : Airport Free WiFi Secure
            Authentication         : OWE
            Cipher                 : CCMP
            Profile                : Airport Free WiFi Secure

        """;

    public const string NetshDisconnected = """

        There is 1 interface on the system:

            Name                   : Wi-Fi
            Description            : Intel(R) Wi-Fi 6 AX201 160MHz
            GUID                   : 3b5e8c41-6f0d-4c1e-9a2b-7d8e9f0a1b2c
            Physical address       : 4c:79:6e:12:34:56
            Interface type         : Primary
            State                  : disconnected
            Radio status           : Hardware On
                                     Software On

            Hosted network status  : Not available

        """;

    public const string NetshNoInterface = """

        There is no wireless interface on the system.

        """;

    public const string NetshServiceNotRunning = """
        The Wireless AutoConfig Service (wlansvc) is not running.
        """;

    public const string NetshGermanOpen = """

        Es ist 1 Schnittstelle auf dem System vorhanden:

            Name                   : WLAN
            Beschreibung           : Intel(R) Wi-Fi 6 AX201 160MHz
            GUID                   : 3b5e8c41-6f0d-4c1e-9a2b-7d8e9f0a1b2c
            Physische Adresse      : 4c:79:6e:12:34:56
            Schnittstellentyp      : Primär
            Status                 : Verbunden
            SSID                   : Hotel-Gast
            AP BSSID               : 9c:53:22:ab:cd:ef
            Band                   : 2,4 GHz
            Kanal                  : 6
            Netzwerktyp            : Infrastruktur
            Funktyp                : 802.11n
            Authentifizierung      : Offen
            Verschlüsselung        : Keine
            Verbindungsmodus       : Automatische Verbindung
            Empfangsrate (MBit/s)  : 144,4
            Übertragungsrate (MBit/s) : 144,4
            Signal                 : 80%
            Profil                 : Hotel-Gast

            Status des gehosteten Netzwerks  : Nicht verfügbar

        """;

    public const string NetshFrenchWpa2 = """

        Il existe 1 interface sur le système :

            Nom                    : Wi-Fi
            Description            : Intel(R) Wi-Fi 6 AX201 160MHz
            GUID                   : 3b5e8c41-6f0d-4c1e-9a2b-7d8e9f0a1b2c
            Adresse physique       : 4c:79:6e:12:34:56
            Type d'interface       : Principal
            État                   : connecté
            SSID                   : Gare-WiFi
            BSSID du point d'accès : 9c:53:22:ab:cd:ef
            Type de réseau         : Infrastructure
            Type de radio          : 802.11ac
            Authentification       : WPA2 - Personnel
            Chiffrement            : CCMP
            Mode de connexion      : Connexion automatique
            Canal                  : 36
            Réception (Mbits/s)    : 866,7
            Transmission (Mbits/s) : 866,7
            Signal                 : 88%
            Profil                 : Gare-WiFi

            État du réseau hébergé  : Non disponible

        """;

    public const string NetshFrenchOpen = """

        Il existe 1 interface sur le système :

            Nom                    : Wi-Fi
            État                   : connecté
            SSID                   : Gare-WiFi-Libre
            Authentification       : Ouvrir
            Chiffrement            : Aucune

        """;

    public const string NetshSpanishDisconnected = """

        Hay 1 interfaz en el sistema:

            Nombre                 : Wi-Fi
            Descripción            : Intel(R) Wi-Fi 6 AX201 160MHz
            Estado                 : desconectado
            Estado de radio        : Hardware Encendido
                                     Software Encendido

        """;

    public const string NetshSpanishOpen = """

        Hay 1 interfaz en el sistema:

            Nombre                 : Wi-Fi
            Estado                 : conectado
            SSID                   : Cafe Centro
            Autenticación          : Abierta
            Cifrado                : Ninguno

        """;

    /// <summary>A language the parser has no words for: only the SSID line is understood.</summary>
    public const string NetshJapaneseWpa2 = """

        システムに 1 インターフェイスがあります:

            名前                   : Wi-Fi
            説明                   : Intel(R) Wi-Fi 6 AX201 160MHz
            状態                   : 接続されました
            SSID                   : HomeNet
            認証                   : WPA2 - パーソナル
            暗号                   : CCMP

        """;

    public const string NetshTwoInterfacesOneOpen = """

        There are 2 interfaces on the system:

            Name                   : Wi-Fi
            Description            : Intel(R) Wi-Fi 6 AX201 160MHz
            State                  : connected
            SSID                   : HomeNet
            Authentication         : WPA2-Personal
            Cipher                 : CCMP

            Name                   : Wi-Fi 2
            Description            : TP-Link Wireless USB Adapter
            State                  : connected
            SSID                   : Free Public WiFi
            Authentication         : Open
            Cipher                 : None

        """;
}
