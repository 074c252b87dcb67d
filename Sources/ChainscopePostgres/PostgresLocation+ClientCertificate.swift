import ChainscopeCore
import Foundation
import NIOSSL

/// A client certificate and its private key, read once when the URL is read, for servers that authenticate
/// users by certificate (`hostssl … cert` in pg_hba.conf, or `clientcert=verify-full`).
struct ClientIdentity: Sendable, Hashable {
    let certificateFile: String
    let keyFile: String
    let chain: [NIOSSLCertificate]
    let key: NIOSSLPrivateKey

    /// Sends the certificate, signed with the key, to a server that asks for one.
    func present(in configuration: inout TLSConfiguration) {
        configuration.certificateChain = chain.map { .certificate($0) }
        configuration.privateKey = .privateKey(key)
    }
}

extension PostgresLocation {
    /// The client certificate libpq would send: the file `sslcert` (else `PGSSLCERT`) names, which must exist,
    /// else `~/.postgresql/postgresql.crt` when there is one; its key from `sslkey` (else `PGSSLKEY`), else
    /// `~/.postgresql/postgresql.key`. Nil for none. Both must be PEM, the key unencrypted or encrypted with
    /// `passphrase` and, as libpq insists, readable by its owner only (root's may be readable by its group), and
    /// the key the certificate's.
    static func clientIdentity(
        certificate given: String?, key givenKey: String?, passphrase: String?, environment: [String: String]
    ) throws(StoreError) -> ClientIdentity? {
        let folder = environment["HOME"].map { $0 + "/.postgresql/" }
        let certificateFile: String
        if let given {
            guard FileManager.default.fileExists(atPath: given) else {
                throw refusal(
                    "the client certificate file \(given) (sslcert) does not exist; give the certificate the "
                        + "server's certificate authority issued to this user, or leave sslcert out")
            }
            certificateFile = given
        } else if let folder, FileManager.default.fileExists(atPath: folder + "postgresql.crt") {
            certificateFile = folder + "postgresql.crt"
        } else {
            return nil
        }
        let keyFile = givenKey ?? folder.map { $0 + "postgresql.key" }
        guard let keyFile, FileManager.default.fileExists(atPath: keyFile) else {
            let missing = keyFile.map { " (\($0) does not exist)" } ?? ""
            throw refusal(
                "the client certificate \(certificateFile) has no private key\(missing); give its file with "
                    + "sslkey=PATH")
        }
        try checkPermissions(ofKey: keyFile)
        let identity = ClientIdentity(
            certificateFile: certificateFile, keyFile: keyFile, chain: try chain(certificateFile),
            key: try key(keyFile, passphrase: passphrase))
        do {
            var configuration = TLSConfiguration.makeClientConfiguration()
            identity.present(in: &configuration)
            _ = try NIOSSLContext(configuration: configuration)
        } catch {
            throw refusal(
                "the private key \(keyFile) (sslkey) is not the key of the certificate \(certificateFile) (sslcert); "
                    + "give the key the certificate was made for")
        }
        return identity
    }

    /// libpq refuses a key that others may read, the server then accepting whoever copied it: the key must be the
    /// user's, readable by them alone, or root's, readable by its group at most.
    private static func checkPermissions(ofKey file: String) throws(StoreError) {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: file),
            let permissions = (attributes[.posixPermissions] as? NSNumber)?.intValue,
            let owner = (attributes[.ownerAccountID] as? NSNumber)?.uint32Value
        else { throw refusal("the private key file \(file) (sslkey) cannot be read") }
        guard owner == geteuid() || owner == 0 else {
            throw refusal(
                "the private key file \(file) (sslkey) belongs to another user (uid \(owner)); it must be yours "
                    + "(or root's): copy it, then chmod 600 the copy")
        }
        guard permissions & (owner == geteuid() ? 0o077 : 0o037) == 0 else {
            throw refusal(
                "the private key file \(file) (sslkey) may be read by others (permissions "
                    + "\(String(permissions & 0o777, radix: 8))); make it yours alone with chmod 600 \(file)")
        }
    }

    private static func chain(_ file: String) throws(StoreError) -> [NIOSSLCertificate] {
        guard let chain = try? NIOSSLCertificate.fromPEMFile(file), !chain.isEmpty else {
            throw refusal(
                "the client certificate file \(file) (sslcert) holds no certificate in PEM form "
                    + "(-----BEGIN CERTIFICATE-----); convert a DER one with openssl x509 -in FILE -out FILE.pem")
        }
        return chain
    }

    /// The key, decrypted with `passphrase` (`sslpassword`) when it is encrypted. The passphrase is not kept, and
    /// no message repeats it.
    private static func key(_ file: String, passphrase: String?) throws(StoreError) -> NIOSSLPrivateKey {
        // Read once: what is unreadable is no key either.
        let bytes = FileManager.default.contents(atPath: file).map { Array($0) } ?? []
        if String(decoding: bytes, as: UTF8.self).contains("ENCRYPTED") {
            guard let passphrase else {
                throw refusal(
                    "the private key \(file) (sslkey) is protected by a passphrase: give it with sslpassword=… in "
                        + "the URL (kept in CHAINSCOPE_DATABASE_URL rather than on the command line), or write a copy "
                        + "without it (openssl pkey -in \(file) -out KEY, then chmod 600 KEY) and give that")
            }
            do {
                return try NIOSSLPrivateKey(bytes: bytes, format: .pem) { setPassphrase in
                    setPassphrase(Array(passphrase.utf8))
                }
            } catch {
                throw refusal("the passphrase given with sslpassword does not decrypt the private key \(file) (sslkey)")
            }
        }
        do {
            return try NIOSSLPrivateKey(bytes: bytes, format: .pem)
        } catch {
            throw refusal(
                "the private key file \(file) (sslkey) holds no private key in PEM form (-----BEGIN PRIVATE KEY-----); "
                    + "convert a DER one with openssl pkey -in FILE -out FILE.pem")
        }
    }

    private static func refusal(_ detail: String) -> StoreError {
        StoreError(.cannotOpen, location: "postgres://…", detail: detail)
    }
}
