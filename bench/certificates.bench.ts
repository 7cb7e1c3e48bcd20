import { type ChildProcess, execFile, spawn } from "node:child_process";
import type { webcrypto } from "node:crypto";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pino from "pino";
import { buildApp } from "#src/server/app.ts";
import { loadConfig } from "#src/server/config.ts";
import { certificatesDeps } from "#src/server/modules/certificates/deps.ts";
import { issueCertificate } from "#src/server/modules/certificates/issue-certificate.ts";
import type { CaMaterial } from "#src/server/modules/certificates/pki/ca-material.ts";
import { buildCrl, type RevokedEntry } from "#src/server/modules/certificates/pki/crl.ts";
import {
  exportPrivateKey,
  generateKeyPair,
  type KeyAlgorithm,
} from "#src/server/modules/certificates/pki/keys.ts";
import { buildOcspResponse, certIdOf } from "#src/server/modules/certificates/pki/ocsp.ts";
import {
  issueOfficeCertificate,
  type OfficeCertificateProfile,
} from "#src/server/modules/certificates/pki/office-certificate.ts";
import { generateInstallPassword } from "#src/server/modules/certificates/pki/password.ts";
import { buildPkcs12 } from "#src/server/modules/certificates/pki/pkcs12.ts";
import type { RevocationReason } from "#src/server/modules/certificates/pki/revocation-reasons.ts";
import { newSerialNumber } from "#src/server/modules/certificates/pki/serial-numbers.ts";
import type { x509 } from "#src/server/modules/certificates/pki/x509.ts";
import { findOfficeByDebtorNumber } from "#src/server/modules/offices/repository.ts";
import { createOffice } from "#src/server/modules/offices/service.ts";
import { createServices } from "#src/server/services.ts";
import { opensslOcspCheck, opensslOcspRequest } from "#test/support/ocsp.ts";
import { type TempFolder, tempFolder } from "#test/support/openssl.ts";
import { createTestPki } from "#test/support/pki.ts";
import { databaseUrlFor, withAdminClient } from "#test/support/postgres-admin.ts";
import { freePort } from "#test/support/server-process.ts";
import { maybeProfiled } from "./cpu-profile.ts";
import { type LoadResult, measureLoad } from "./http-load.ts";
import { perSecond, printTable, ratio, time } from "./report.ts";

/** Certificates issued per key type, each way; the first of each is a warm-up, not counted. */
const ISSUANCES: Record<KeyAlgorithm, number> = { "rsa-2048": 30, "p-256": 100 };
const CRL_ENTRIES = 100_000;
/** CRLs built each way per CA; the median is reported. */
const CRL_ROUNDS = 3;
/** How long the in-process OCSP loops run. */
const IN_PROCESS_MS = 3_000;
const CONCURRENCY = 8;
const WARMUP_MS = 1_000;
const DURATION_MS = 5_000;
const DATABASE = "poort_bench_certificates";

const run$ = promisify(execFile);
const hour = 3_600_000;
const day = 24 * hour;
const year = 365 * day;

/**
 * The office-certificate CA: issuing a certificate with its PKCS#12 (RSA-2048 and P-256), a CRL
 * of 100,000 revoked certificates, and OCSP answers through the whole app; each next to the
 * `openssl` CLI doing the same in the same run (and, for OCSP, the bare signing call).
 */
export async function run(): Promise<void> {
  const folder = await tempFolder();
  try {
    const { stdout } = await run$("openssl", ["version"]);
    console.log(`${stdout.trim()}; node ${process.version}; ${os.cpus().length} CPUs.`);
    for (const [name, section] of Object.entries(sections)) {
      if (only.length === 0 || only.includes(name)) await section(folder);
    }
  } finally {
    await folder.remove();
  }
}

/** `--only=ocsp` (or `issuance`, `crl`, comma-separated) runs those sections alone. */
const only =
  process.argv
    .find((argument) => argument.startsWith("--only="))
    ?.slice("--only=".length)
    .split(",") ?? [];

// ── Issuance ───────────────────────────────────────────────────────────────────────────

const urls = {
  crl: "http://pki.poort.test/pki/issuing.crl",
  ocsp: "http://pki.poort.test/pki/ocsp",
  caIssuers: "http://pki.poort.test/pki/issuing.crt",
};
const office = {
  officeName: "Notariskantoor Hélène de Vries & Partners",
  organisation: "De Vries & Partners Notarissen B.V.",
  debtorNumber: "101234",
  email: "kantoor@devries-notarissen.test",
};

/** Milliseconds per stage, summed over the counted iterations. */
type Stages = [number, number, number];

/**
 * Per key type: a new key pair, the office certificate and its PKCS#12 (chain included, the
 * default AES profile), one after the other, as `issueCertificate` makes them; next to the
 * openssl CLI making the same: `req -newkey`, `x509 -req` with the same extensions, and
 * `pkcs12 -export`, one process per step.
 */
async function issuance(folder: TempFolder): Promise<void> {
  const rows: Array<Record<string, string | number>> = [];
  for (const algorithm of ["rsa-2048", "p-256"] as const) {
    const count = ISSUANCES[algorithm];
    const pki = await createTestPki(algorithm);
    await writeCa(folder, pki, algorithm);
    await folder.write(`office-${algorithm}.cnf`, extensionsFile());

    const poort: Stages = [0, 0, 0];
    for (let n = 0; n <= count; n++) await issueWithPoort(pki, n === 0 ? undefined : poort);
    const openssl: Stages = [0, 0, 0];
    for (let n = 0; n <= count; n++) {
      await issueWithOpenssl(folder, algorithm, n === 0 ? undefined : openssl);
    }
    // Both files must open with their password, or the comparison means nothing.
    await checkPkcs12(folder, algorithm);

    const total = (stages: Stages) => stages[0] + stages[1] + stages[2];
    const stageColumns = (stages: Stages) => ({
      "key (+CSR) ms": (stages[0] / count).toFixed(1),
      "certificate ms": (stages[1] / count).toFixed(1),
      "PKCS#12 ms": (stages[2] / count).toFixed(1),
    });
    rows.push(
      {
        issuance: `${algorithm}: openssl CLI, 3 processes (baseline)`,
        rate: perSecond(count, total(openssl)),
        "ms each": (total(openssl) / count).toFixed(1),
        ...stageColumns(openssl),
        vs: ratio(1, 1),
      },
      {
        issuance: `${algorithm}: Poort (keys, issueOfficeCertificate, buildPkcs12)`,
        rate: perSecond(count, total(poort)),
        "ms each": (total(poort) / count).toFixed(1),
        ...stageColumns(poort),
        vs: ratio(count / total(poort), count / total(openssl)),
      },
    );
  }
  console.log(
    `\nIssuance: key pair + office certificate + PKCS#12 (AES-256, 2048 iterations, chain of 2), ` +
      `one at a time; ${ISSUANCES["rsa-2048"]} RSA-2048 and ${ISSUANCES["p-256"]} P-256 each way, ` +
      `by an issuing CA of the same key type. "vs" compares certificates per second.`,
  );
  printTable(rows);
}

/** issuing-<alg>.pem, issuing-<alg>.key and chain-<alg>.pem (issuing, then root). */
async function writeCa(
  folder: TempFolder,
  pki: { root: CaMaterial; issuing: CaMaterial },
  algorithm: KeyAlgorithm,
): Promise<void> {
  await folder.write(`issuing-${algorithm}.pem`, pem(pki.issuing.certificate));
  await folder.write(`issuing-${algorithm}.key`, await privateKeyPem(pki.issuing.privateKey));
  await folder.write(
    `chain-${algorithm}.pem`,
    pem(pki.issuing.certificate) + pem(pki.root.certificate),
  );
}

function officeProfile(): OfficeCertificateProfile {
  const notBefore = new Date();
  return {
    ...office,
    serialNumber: newSerialNumber(),
    notBefore,
    notAfter: new Date(notBefore.getTime() + 730 * day),
    crlUrl: urls.crl,
    ocspUrl: urls.ocsp,
    caIssuersUrl: urls.caIssuers,
  };
}

let lastPkcs12: { der: Buffer; password: string } | undefined;

async function issueWithPoort(
  pki: { root: CaMaterial; issuing: CaMaterial },
  stages: Stages | undefined,
): Promise<void> {
  const split = stopwatch();
  const keys = await generateKeyPair(pki.issuing.algorithm);
  const key = split();
  const certificate = await issueOfficeCertificate(pki.issuing, keys.publicKey, officeProfile());
  const signed = split();
  const password = generateInstallPassword();
  const der = await buildPkcs12({
    certificate,
    privateKey: keys.privateKey,
    chain: [pki.issuing.certificate, pki.root.certificate],
    password,
    friendlyName: `${office.officeName} (${office.debtorNumber})`,
  });
  const packed = split();
  lastPkcs12 = { der, password };
  if (stages) {
    stages[0] += key;
    stages[1] += signed;
    stages[2] += packed;
  }
}

/** The office profile's extensions, as `openssl x509 -extfile` reads them. */
function extensionsFile(): string {
  return [
    "[office]",
    "basicConstraints = critical, CA:FALSE",
    "keyUsage = critical, digitalSignature",
    "extendedKeyUsage = clientAuth",
    `subjectAltName = email:${office.email}`,
    `crlDistributionPoints = URI:${urls.crl}`,
    `authorityInfoAccess = OCSP;URI:${urls.ocsp}, caIssuers;URI:${urls.caIssuers}`,
    "subjectKeyIdentifier = hash",
    "authorityKeyIdentifier = keyid",
    "",
  ].join("\n");
}

let lastOpensslPassword = "";

async function issueWithOpenssl(
  folder: TempFolder,
  algorithm: KeyAlgorithm,
  stages: Stages | undefined,
): Promise<void> {
  const newKey =
    algorithm === "rsa-2048"
      ? ["-newkey", "rsa:2048"]
      : ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"];
  const subject = `/O=${office.organisation}/serialNumber=${office.debtorNumber}/CN=${office.officeName}`;
  const password = generateInstallPassword();
  const split = stopwatch();
  await openssl(folder, [
    "req",
    "-new",
    ...newKey,
    "-noenc",
    "-keyout",
    "office.key",
    "-out",
    "office.csr",
    "-utf8",
    "-subj",
    subject,
  ]);
  const key = split();
  await openssl(folder, [
    "x509",
    "-req",
    "-in",
    "office.csr",
    "-CA",
    `issuing-${algorithm}.pem`,
    "-CAkey",
    `issuing-${algorithm}.key`,
    "-set_serial",
    `0x${newSerialNumber()}`,
    "-days",
    "730",
    "-sha256",
    "-extfile",
    `office-${algorithm}.cnf`,
    "-extensions",
    "office",
    "-out",
    "office.pem",
  ]);
  const signed = split();
  await openssl(folder, [
    "pkcs12",
    "-export",
    "-in",
    "office.pem",
    "-inkey",
    "office.key",
    "-certfile",
    `chain-${algorithm}.pem`,
    "-name",
    `${office.officeName} (${office.debtorNumber})`,
    "-passout",
    `pass:${password}`,
    "-out",
    "office.p12",
  ]);
  const packed = split();
  lastOpensslPassword = password;
  if (stages) {
    stages[0] += key;
    stages[1] += signed;
    stages[2] += packed;
  }
}

/** Opens the last PKCS#12 of each side with openssl and checks what is inside. */
async function checkPkcs12(folder: TempFolder, algorithm: KeyAlgorithm): Promise<void> {
  if (!lastPkcs12) throw new Error("no PKCS#12 of Poort");
  await folder.write("poort.p12", lastPkcs12.der);
  for (const [file, password] of [
    ["poort.p12", lastPkcs12.password],
    ["office.p12", lastOpensslPassword],
  ] as const) {
    const { stdout } = await openssl(folder, [
      "pkcs12",
      "-in",
      file,
      "-passin",
      `pass:${password}`,
      "-nodes",
      "-info",
    ]);
    const certificates = stdout.match(/BEGIN CERTIFICATE/g)?.length ?? 0;
    if (certificates !== 3 || !stdout.includes("BEGIN PRIVATE KEY")) {
      throw new Error(`${algorithm} ${file}: expected a key and 3 certificates`);
    }
  }
  await openssl(folder, [
    "verify",
    "-CAfile",
    `chain-${algorithm}.pem`,
    "-purpose",
    "sslclient",
    "office.pem",
  ]);
}

// ── CRL ────────────────────────────────────────────────────────────────────────────────

const reasons: RevocationReason[] = [
  "superseded",
  "superseded",
  "cessationOfOperation",
  "keyCompromise",
  "unspecified",
];

/**
 * One CRL of 100,000 revoked certificates per CA key type, by `buildCrl`; next to `openssl ca
 * -gencrl` reading an index.txt with the same 100,000 entries (a process per CRL, as an operator
 * runs it). Both are checked with `openssl crl -verify`.
 */
async function revocationLists(folder: TempFolder): Promise<void> {
  const now = Date.now();
  const revoked: RevokedEntry[] = Array.from({ length: CRL_ENTRIES }, (_, n) => ({
    serialNumber: newSerialNumber(),
    // Spread over the past year, oldest first, as `listRevoked` orders them.
    revokedAt: new Date(now - year + Math.floor((n * year) / CRL_ENTRIES / 1000) * 1000),
    reason: reasons[n % reasons.length] ?? "unspecified",
  }));
  await folder.write("index.txt", indexFile(revoked, new Date(now + year)));
  await folder.write("index.txt.attr", "unique_subject = no\n");

  const rows: Array<Record<string, string | number>> = [];
  for (const algorithm of ["rsa-2048", "p-256"] as const) {
    const pki = await createTestPki(algorithm);
    await writeCa(folder, pki, algorithm);
    await folder.write(`ca-${algorithm}.cnf`, caConfig(algorithm));

    const ours: number[] = [];
    let der: Buffer = Buffer.alloc(0);
    for (let round = 1; round <= CRL_ROUNDS; round++) {
      ours.push(
        await time(async () => {
          der = await buildCrl(pki.issuing, {
            crlNumber: round,
            thisUpdate: new Date(now),
            nextUpdate: new Date(now + 7 * day),
            revoked,
          });
        }),
      );
    }
    await folder.write(`poort-${algorithm}.crl`, der);

    const theirs: number[] = [];
    for (let round = 1; round <= CRL_ROUNDS; round++) {
      await folder.write("crlnumber", `${round.toString(16).padStart(2, "0")}\n`);
      theirs.push(
        await time(() =>
          openssl(folder, [
            "ca",
            "-gencrl",
            "-config",
            `ca-${algorithm}.cnf`,
            "-out",
            `openssl-${algorithm}.crl`,
          ]),
        ),
      );
    }

    const verified: Record<string, number> = {};
    for (const [file, inform] of [
      [`poort-${algorithm}.crl`, "DER"],
      [`openssl-${algorithm}.crl`, "PEM"],
    ] as const) {
      const verify = [
        "crl",
        "-in",
        file,
        "-inform",
        inform,
        "-CAfile",
        `chain-${algorithm}.pem`,
        "-noout",
      ];
      verified[file] = await time(async () => {
        const { stderr, stdout } = await openssl(folder, verify);
        if (!`${stdout}${stderr}`.includes("verify OK")) throw new Error(`${file} does not verify`);
      });
    }
    const opensslDer = await openssl(folder, [
      "crl",
      "-in",
      `openssl-${algorithm}.crl`,
      "-outform",
      "DER",
      "-out",
      `openssl-${algorithm}.der`,
    ]).then(() => stat(path.join(folder.path, `openssl-${algorithm}.der`)));

    rows.push(
      {
        CRL: `${algorithm}: openssl ca -gencrl (baseline)`,
        "ms (median)": median(theirs).toFixed(0),
        runs: theirs.map((ms) => ms.toFixed(0)).join(", "),
        size: kib(opensslDer.size),
        "openssl crl -verify ms": verified[`openssl-${algorithm}.crl`]?.toFixed(0) ?? "",
        vs: ratio(1, 1),
      },
      {
        CRL: `${algorithm}: Poort buildCrl`,
        "ms (median)": median(ours).toFixed(0),
        runs: ours.map((ms) => ms.toFixed(0)).join(", "),
        size: kib(der.length),
        "openssl crl -verify ms": verified[`poort-${algorithm}.crl`]?.toFixed(0) ?? "",
        vs: ratio(median(ours), median(theirs)),
      },
    );
  }
  console.log(
    `\nCRL of ${CRL_ENTRIES.toLocaleString("en")} revoked certificates (16-byte serials, 4 in 5 ` +
      `with a reason), median of ${CRL_ROUNDS} builds; openssl's time is a whole process, index.txt ` +
      `read included. "vs" compares milliseconds: below 1 is faster than openssl.`,
  );
  printTable(rows);
}

/** openssl ca's database: status, expiry, revocation[,reason], serial, file, subject. */
function indexFile(revoked: RevokedEntry[], expiry: Date): string {
  const lines = revoked.map((entry, n) => {
    const when =
      entry.reason === "unspecified"
        ? utcTime(entry.revokedAt)
        : `${utcTime(entry.revokedAt)},${entry.reason}`;
    return `R\t${utcTime(expiry)}\t${when}\t${entry.serialNumber.toUpperCase()}\tunknown\t/O=Kantoor ${n}/CN=Kantoor ${n}`;
  });
  return `${lines.join("\n")}\n`;
}

function caConfig(algorithm: KeyAlgorithm): string {
  return [
    "[ca]",
    "default_ca = bench",
    "[bench]",
    "database = index.txt",
    "crlnumber = crlnumber",
    `certificate = issuing-${algorithm}.pem`,
    `private_key = issuing-${algorithm}.key`,
    "default_md = sha256",
    "default_crl_days = 7",
    "unique_subject = no",
    "crl_extensions = crl_extensions",
    "[crl_extensions]",
    "authorityKeyIdentifier = keyid:always",
    "",
  ].join("\n");
}

// ── OCSP ───────────────────────────────────────────────────────────────────────────────

interface OcspCase {
  name: string;
  /** The request carries a nonce, so every answer is signed for it. */
  nonce: boolean;
  /** What both responders must answer: "unknown" is asked for a serial never issued. */
  status: "good" | "unknown";
}

/**
 * The common request first: one certificate without a nonce, as browsers and most clients ask
 * (`openssl ocsp -no_nonce`), which Poort answers with the certificate's pre-signed response.
 * Then a nonce, which both sign per answer; then a serial never issued, which both sign as
 * "unknown" per answer: what a flood of made-up serials costs.
 */
/** The CA files both responders' answers are checked against. */
const ocspFiles = { issuer: "ocsp-issuing.pem", chain: "ocsp-chain.pem" };

const OCSP_CASES: OcspCase[] = [
  { name: "no nonce", nonce: false, status: "good" },
  { name: "nonce", nonce: true, status: "good" },
  { name: "unknown serial, no nonce", nonce: false, status: "unknown" },
];

/**
 * POST /pki/ocsp of the real app (request parsing, the database, Fastify), loaded from a worker
 * thread, next to `openssl ocsp` as a responder with an index of the same certificate (the
 * baseline), per case of OCSP_CASES; and the bare `buildOcspResponse` in-process, the signature
 * every answer signed live costs at least. Every answer is first checked with `openssl ocsp`.
 */
async function ocsp(folder: TempFolder): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    await withAdminClient(serverUrl, async (admin) => {
      await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${DATABASE}`);
    });
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "poort-bench-certificates-"));
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
    ...(serverUrl ? { DATABASE_URL: databaseUrlFor(serverUrl, DATABASE) } : {}),
  });
  const services = await createServices(config, pino({ level: "silent" }));
  const app = await buildApp(services);
  let responder: ChildProcess | undefined;
  try {
    const address = await app.listen({ host: "127.0.0.1", port: 0 });
    const { root, issuing } = await services.authorities.get();
    const serialNumber = await issueOne(services, certificatesDeps(services));
    await folder.write(ocspFiles.issuer, pem(issuing.certificate));
    await folder.write(ocspFiles.chain, pem(issuing.certificate) + pem(root.certificate));
    await folder.write("ocsp-issuing.key", await privateKeyPem(issuing.privateKey));
    const signingAlone = await signingRate(issuing, serialNumber);

    const port = await freePort();
    await folder.write(
      "ocsp-index.txt",
      `V\t${utcTime(new Date(Date.now() + year))}\t\t${serialNumber.toUpperCase()}\tunknown\t/CN=bench\n`,
    );
    await folder.write("ocsp-index.txt.attr", "unique_subject = no\n");
    responder = spawn(
      "openssl",
      [
        "ocsp",
        "-index",
        "ocsp-index.txt",
        "-port",
        String(port),
        "-rsigner",
        ocspFiles.issuer,
        "-rkey",
        "ocsp-issuing.key",
        "-CA",
        ocspFiles.issuer,
        "-nmin",
        "60",
        "-resp_no_certs",
        "-resp_key_id",
      ],
      { cwd: folder.path, stdio: ["ignore", "pipe", "pipe"] },
    );
    await waitUntilListening(responder);
    const responders = [
      { name: "openssl ocsp -index (baseline)", url: `http://127.0.0.1:${port}/` },
      { name: "POST /pki/ocsp, Poort app", url: `${address}/pki/ocsp` },
    ];

    const rows: Array<Record<string, string | number>> = [];
    for (const ocspCase of OCSP_CASES) {
      const serial = ocspCase.status === "unknown" ? newSerialNumber() : serialNumber;
      const request = await opensslOcspRequest(folder, ocspFiles, [serial], ocspCase);
      let baseline = 0;
      for (const { name, url } of responders) {
        const answer = await checkOcsp(folder, url, request, serial, ocspCase.status);
        const isPoort = url.startsWith(address);
        if (isPoort && !ocspCase.nonce && ocspCase.status === "good") {
          // Pre-signed: the same bytes again, not a response signed for this request.
          const again = await checkOcsp(folder, url, request, serial, ocspCase.status);
          if (!again.equals(answer)) throw new Error("Poort signed a request without a nonce");
        }
        const measure = () => measureOcspLoad(url, request);
        const load = isPoort
          ? await maybeProfiled(`POST /pki/ocsp, ${ocspCase.name}`, measure)
          : await measure();
        baseline ||= load.perSecond;
        rows.push({
          case: ocspCase.name,
          responder: name,
          "responses/s": Math.round(load.perSecond),
          p50: `${load.p50.toFixed(2)} ms`,
          p95: `${load.p95.toFixed(2)} ms`,
          "vs openssl ocsp": ratio(load.perSecond, baseline),
          "peak RSS MiB": isPoort ? load.peakRssMiB : await peakRssMiB(responder),
        });
      }
    }
    console.log(
      `\nOCSP for one certificate, signed by the issuing CA (${issuing.algorithm}) on ` +
        `${services.database.kind}; requests made by openssl ocsp -reqout, every answer verified ` +
        `with openssl ocsp first. Each load runs ${DURATION_MS / 1000} s at ${CONCURRENCY} ` +
        `keep-alive connections from a worker thread after ${WARMUP_MS / 1000} s of warm-up; ` +
        `openssl ocsp is one process, one request at a time. Poort's RSS includes the load's ` +
        `worker thread. buildOcspResponse alone, one call at a time in-process (what an answer ` +
        `signed live costs at least): ${perSecond(signingAlone.count, signingAlone.ms)}.`,
    );
    printTable(rows);
  } finally {
    responder?.kill("SIGTERM");
    await app.close();
    await services.close();
    await rm(dataDir, { recursive: true, force: true });
    if (serverUrl) {
      await withAdminClient(serverUrl, (admin) =>
        admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`),
      );
    }
  }
}

/** `buildOcspResponse` for one "good" certificate with a nonce, in a loop: signing alone. */
function signingRate(issuing: CaMaterial, serialNumber: string) {
  const certId = certIdOf(issuing.certificate, serialNumber, "SHA-1");
  const nonce = Buffer.alloc(16, 7);
  return loopFor(IN_PROCESS_MS, () => {
    const now = new Date();
    return buildOcspResponse(issuing, {
      producedAt: now,
      responses: [
        {
          certId,
          status: { kind: "good" },
          thisUpdate: now,
          nextUpdate: new Date(now.getTime() + hour),
        },
      ],
      nonce,
    });
  });
}

type Services = Awaited<ReturnType<typeof createServices>>;

/** An office with one certificate from `issueCertificate`, as the servicedesk issues it. */
async function issueOne(
  services: Services,
  deps: ReturnType<typeof certificatesDeps>,
): Promise<string> {
  await createOffice(
    services.database.db,
    services.clock,
    {
      name: office.officeName,
      debtorNumber: office.debtorNumber,
      email: "info@devries-notarissen.test",
    },
    { type: "operator" },
  );
  return services.database.db.transaction(async (tx) => {
    const row = await findOfficeByDebtorNumber(tx, office.debtorNumber);
    if (!row) throw new Error("the bench office is missing");
    const issued = await issueCertificate({ ...deps, db: tx }, tx, {
      office: row,
      sentTo: office.email,
      via: "operator",
      actor: { type: "operator" },
    });
    return issued.certificate.serialNumber;
  });
}

/**
 * One POST of `request` (the last `opensslOcspRequest`), answered with `status` for
 * `serialNumber` and verified by openssl against the chain; resolves with the answer.
 */
async function checkOcsp(
  folder: TempFolder,
  url: string,
  request: Buffer,
  serialNumber: string,
  status: OcspCase["status"],
): Promise<Buffer> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/ocsp-request" },
    body: new Uint8Array(request),
  });
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  const answer = Buffer.from(await response.arrayBuffer());
  const output = await opensslOcspCheck(folder, ocspFiles, answer);
  const serial = new RegExp(`Serial Number: 0*${serialNumber}\\s+Cert Status: ${status}`, "i");
  if (!output.includes("Response verify OK") || !serial.test(output)) {
    throw new Error(`${url}: unexpected OCSP answer:\n${output}`);
  }
  return answer;
}

/** Calls `work` one at a time for `ms` milliseconds (after 10 % of that as warm-up). */
async function loopFor(
  ms: number,
  work: () => Promise<unknown>,
): Promise<{ count: number; ms: number }> {
  const warmUntil = performance.now() + ms / 10;
  while (performance.now() < warmUntil) await work();
  const start = performance.now();
  let count = 0;
  while (performance.now() - start < ms) {
    await work();
    count++;
  }
  return { count, ms: performance.now() - start };
}

/** The HTTP load of OCSP requests: the same request POSTed over and over. */
function measureOcspLoad(url: string, request: Buffer): Promise<LoadResult> {
  return measureLoad({
    url,
    method: "POST",
    body: request,
    headers: { "content-type": "application/ocsp-request" },
    concurrency: CONCURRENCY,
    warmupMs: WARMUP_MS,
    durationMs: DURATION_MS,
  });
}

/** The highest resident set size of a child process so far (Linux's VmHWM), in MiB. */
async function peakRssMiB(child: ChildProcess): Promise<number | string> {
  const status = await readFile(`/proc/${child.pid}/status`, "utf8").catch(() => "");
  const kib = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
  return kib ? Math.round(Number(kib) / 1024) : "";
}

/**
 * Resolves once `openssl ocsp` says it waits for connections. Not by connecting to its port: a
 * connection closed without a request sends OpenSSL 3.0's responder into a busy loop.
 */
function waitUntilListening(responder: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(
      () => reject(new Error(`openssl ocsp did not start:\n${output}`)),
      10_000,
    );
    // Read all it logs (a line per request), so a full pipe never stalls it.
    for (const stream of [responder.stdout, responder.stderr]) {
      stream?.on("data", (chunk: Buffer) => {
        if (output.length < 10_000) output += chunk.toString("utf8");
        if (output.includes("waiting for OCSP client connections")) {
          clearTimeout(timer);
          resolve();
        }
      });
    }
    responder.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`openssl ocsp exited (${code}):\n${output}`));
    });
  });
}

// ── Helpers ────────────────────────────────────────────────────────────────────────────

/** openssl in `folder`; rejects with its output when it fails. */
async function openssl(
  folder: TempFolder,
  args: string[],
): Promise<{ stdout: string; stderr: string }> {
  const result = await folder.openssl(args);
  if (result.code !== 0) {
    throw new Error(
      `openssl ${args.join(" ")} failed (${result.code}):\n${result.stderr}${result.stdout}`,
    );
  }
  return result;
}

/** Each call returns the milliseconds since the previous one (or since it was made). */
function stopwatch(): () => number {
  let last = process.hrtime.bigint();
  return () => {
    const now = process.hrtime.bigint();
    const elapsed = Number(now - last) / 1e6;
    last = now;
    return elapsed;
  };
}

const pem = (certificate: x509.X509Certificate) => `${certificate.toString("pem")}\n`;

async function privateKeyPem(key: webcrypto.CryptoKey): Promise<string> {
  const base64 = (await exportPrivateKey(key)).toString("base64");
  return `-----BEGIN PRIVATE KEY-----\n${base64.match(/.{1,64}/g)?.join("\n")}\n-----END PRIVATE KEY-----\n`;
}

/** YYMMDDHHMMSSZ, as openssl's index.txt has its times. */
const utcTime = (date: Date) => `${date.toISOString().slice(2, 19).replace(/[-T:]/g, "")}Z`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const sections = { issuance, crl: revocationLists, ocsp };

const kib = (bytes: number) =>
  `${(bytes / 1024).toLocaleString("en", { maximumFractionDigits: 0 })} KiB`;
