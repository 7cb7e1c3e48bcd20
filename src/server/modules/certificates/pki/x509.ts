// The polyfill must run before @peculiar/x509 loads; a bare import keeps its place first.
import "./reflect-metadata.ts";
import * as x509 from "@peculiar/x509";

// Node's own WebCrypto, set once here so every module that imports x509 from this file uses it.
x509.cryptoProvider.set(globalThis.crypto);

/** @peculiar/x509, loaded with its polyfill and Node's WebCrypto. */
export { x509 };
