import path from "node:path";
import { z } from "zod";
import type { Organisation } from "../contracts/certificates.ts";
import { clockOffsetMs, clockOffsetSchema } from "../contracts/dev-clock.ts";

/** The S3 settings BLOB_STORE=s3 cannot do without. */
const REQUIRED_FOR_S3 = ["S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const;

/**
 * Environment → typed configuration, validated once at start-up. Every variable is documented
 * in README.md; a bad value stops the process with a message that names the variable.
 */
const portNumber = z.coerce.number().int().min(0).max(65535);
const absoluteUrl = z.url({ protocol: /^https?$/ });

const environmentSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().min(1).default("0.0.0.0"),
  PORT: portNumber.default(3000),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  PUBLIC_URL: absoluteUrl.optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().min(3).default("Poort <no-reply@poort.localhost>"),
  SMS_PROVIDER: z.enum(["outbox", "cm"]).default("outbox"),
  SMS_CM_PRODUCT_TOKEN: z.string().min(1).optional(),
  SMS_CM_URL: absoluteUrl.default("https://gw.messaging.cm.com/v1.0/message"),
  SMS_SENDER: z.string().min(1).max(11).default("Poort"),
  SECRET_KEY: z.string().min(32, { error: "must be at least 32 characters" }).optional(),
  PREVIOUS_SECRET_KEYS: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((secret) => secret.trim())
        .filter(Boolean),
    )
    .refine((secrets) => secrets.every((secret) => secret.length >= 32), {
      error: "each must be at least 32 characters",
    }),
  BLOB_STORE: z.enum(["disk", "s3"]).default("disk"),
  S3_ENDPOINT: absoluteUrl.optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: z.stringbool().default(false),
  CLAMAV_URL: z.url({ protocol: /^(tcp|unix)$/ }).optional(),
  UPLOAD_SCAN: z.enum(["on", "off"]).default("on"),
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(100 * 1024 * 1024),
  LOGIN_IP_LIMIT: z.coerce.number().int().min(10).max(1_000_000).default(100),
  API_RATE_LIMIT_PER_SESSION: z.coerce.number().int().min(0).max(1_000_000).default(600),
  API_RATE_LIMIT_PER_IP: z.coerce.number().int().min(0).max(1_000_000).default(3000),
  OFFICE_API_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(1200),
  TRUSTED_PROXIES: z.string().default(""),
  UPLOAD_MAX_FILES_PER_DOSSIER: z.coerce.number().int().min(1).max(10_000).default(100),
  NOTIFY_BUNDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  BOUNCE_WEBHOOK_TOKEN: z.string().min(32, { error: "must be at least 32 characters" }).optional(),
  METRICS_PORT: portNumber.optional(),
  METRICS_HOST: z.string().min(1).default("127.0.0.1"),
  METRICS_TOKEN: z.string().min(32, { error: "must be at least 32 characters" }).optional(),
  MTLS_PORT: portNumber.default(3443),
  MTLS_PUBLIC_URL: z.url({ protocol: /^https$/ }).optional(),
  MTLS_TLS_CERT_FILE: z.string().min(1).optional(),
  MTLS_TLS_KEY_FILE: z.string().min(1).optional(),
  MTLS_TRUSTED_PROXIES: z.string().default(""),
  MTLS_CERT_HEADER: z.string().min(1).default("x-ssl-client-cert"),
  CA_ROOT_CERT_FILE: z.string().min(1).optional(),
  CA_ROOT_KEY_FILE: z.string().min(1).optional(),
  CA_ISSUING_CERT_FILE: z.string().min(1).optional(),
  CA_ISSUING_KEY_FILE: z.string().min(1).optional(),
  CERT_VALIDITY_DAYS: z.coerce.number().int().min(1).max(3650).default(730),
  CERT_KEY_ALGORITHM: z.enum(["rsa-2048", "p-256"]).default("rsa-2048"),
  ORGANISATION_NAME: z.string().min(1).default("Koninklijke Notariële Beroepsorganisatie"),
  ORGANISATION_SHORT_NAME: z.string().min(1).default("KNB"),
  CERT_APPLICATIONS_NAME: z.string().min(1).optional(),
  SERVICEDESK_EMAIL: z.string().min(3).default("servicedesk@knb.nl"),
  SERVICEDESK_PHONE: z.string().min(3).default("070-3307135"),
  MEMBER_ADMINISTRATION_EMAIL: z.string().min(3).default("ledenadministratie@knb.nl"),
  CERT_INFO_URL: absoluteUrl.default("https://www.knb.nl/mijn-startpagina/"),
  CERT_MANUAL_URL: absoluteUrl.default("https://www.knb.nl/mijn-startpagina/"),
  CERT_TERMS_URL: absoluteUrl.default("https://www.knb.nl/algemene-gebruikersvoorwaarden/"),
  EH_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  ACCOUNT_DEACTIVATE_MONTHS: z.coerce.number().int().min(1).max(120).default(6),
  ACCOUNT_DELETE_MONTHS: z.coerce.number().int().min(2).max(240).default(12),
  EH_SUPPLIER_NAME: z.string().min(1).default("Poort eHerkenning"),
  EH_PLATFORM_OIN: z
    .string()
    .regex(/^\d{20}$/, { error: "must be 20 digits" })
    .default("00000001234567890000"),
  EH_PARTNER_NAME: z.string().min(1).default("AMP Groep"),
  KVK_API_KEY: z.string().min(1).optional(),
  PORTAL_EH_IDP_METADATA: z.string().min(1).optional(),
  KVK_API_URL: absoluteUrl.default("https://api.kvk.nl/api"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  JOBS_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  JOBS_ENABLED: z.stringbool().default(true),
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(300_000).default(5000),
  DEV_CLOCK_OFFSET: clockOffsetSchema.optional(),
  SEED_DEMO: z.stringbool().optional(),
  WEB_DIST_DIR: z.string().min(1).optional(),
});

function addressList(value: string): string[] {
  return value
    .split(",")
    .map((address) => address.trim())
    .filter(Boolean);
}

export type Environment = z.infer<typeof environmentSchema>;

export interface Config {
  env: Environment["NODE_ENV"];
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  sms:
    | { provider: "outbox"; sender: string }
    | { provider: "cm"; sender: string; productToken: string; url: string };
  /** Seals secrets at rest; unset in embedded mode: a key file in DATA_DIR is generated. */
  secretKey: string | undefined;
  /**
   * The secrets used before SECRET_KEY, still accepted for files whose data keys were wrapped
   * under them until `poort files rewrap` moves those to the current one.
   */
  previousSecretKeys: string[];
  /**
   * Where stored files (sealed, whichever) physically live: folders under DATA_DIR, or a bucket
   * of an S3-compatible service, which several instances share.
   */
  blobStore:
    | { kind: "disk" }
    | {
        kind: "s3";
        endpoint: string | undefined;
        region: string;
        bucket: string;
        accessKeyId: string;
        secretAccessKey: string;
        forcePathStyle: boolean;
      };
  /** clamd to scan uploads with (tcp://host:port or unix:///path); unset: not scanned. */
  clamavUrl: string | undefined;
  /**
   * Why uploads go unscanned, when they do: switched off on purpose (UPLOAD_SCAN=off, the only
   * way in production), or embedded mode without clamd. Undefined: every upload is scanned.
   */
  unscannedUploads: "switched-off" | "embedded" | undefined;
  uploads: { maxFileBytes: number; maxFilesPerDossier: number };
  /** Failed logins per IP address in 15 minutes, before it must wait (slowed from half-way). */
  login: { failuresPerIp: number };
  /** Requests per minute on the API outside the login routes, per session and per address. */
  apiRateLimits: { perSession: number; perAddress: number };
  /** The office API on the mTLS listener: calls per office certificate per minute. */
  officeApi: { callsPerMinute: number };
  /**
   * Reverse proxies (addresses or CIDR ranges) in front of the main listener whose
   * X-Forwarded-For is believed: the client's address then comes from it, for every limit
   * and audit event. Empty: the connection's own address.
   */
  trustedProxies: string[];
  /** At most one notice mail ("something new waits") per login in this many minutes (ADR 0013). */
  notifyBundleMinutes: number;
  /**
   * Client logins without any dossier (ADR 0023): deactivated after this many months, deleted
   * after `deleteMonths` (counted from the same day), each told 30 days ahead.
   */
  accountRetention: { deactivateMonths: number; deleteMonths: number };
  /** The mail server hands bounces to /webhooks/mail-bounces with this token; unset: no endpoint. */
  bounceWebhookToken: string | undefined;
  /**
   * Prometheus metrics: a listener of their own (METRICS_PORT on METRICS_HOST) and/or `/metrics`
   * on the main listener for a bearer token (METRICS_TOKEN). Neither set: not served at all.
   */
  metrics: { port: number | undefined; host: string; token: string | undefined };
  mtls: {
    port: number;
    /** The self-service's address in mails, e.g. https://iam.knb.nl. */
    publicUrl: string;
    /** The listener's own TLS certificate; unset: one issued by Poort's CA. */
    tlsCertFile: string | undefined;
    tlsKeyFile: string | undefined;
    /** Reverse proxies whose certificate header is believed. */
    trustedProxies: string[];
    certificateHeader: string;
  };
  certificates: {
    validityDays: number;
    keyAlgorithm: "rsa-2048" | "p-256";
    /** Import the CAs from these files (production); unset: created on first start. */
    caFiles:
      | { rootCert: string; rootKey: string; issuingCert: string; issuingKey: string }
      | undefined;
  };
  organisation: Organisation;
  eherkenning: {
    /** The supplier's name in mails and pages. */
    supplierName: string;
    /** The platform's OIN: the provider whose services the offices' client portals are. */
    platformOin: string;
    /** Who identifies people face to face (EH3, EH4). */
    partnerName: string;
    /** Days after which a rejected or abandoned application's personal data is erased. */
    retentionDays: number;
    /** The KvK API; unset key: the embedded register of test companies. */
    kvk: { apiKey: string | undefined; apiUrl: string };
    /**
     * The IdP the client portal trusts for company logins: the path or https URL of its SAML
     * metadata (a herkenningsmakelaar's); unset: Poort's own IdP (ADR 0017).
     */
    portalIdpMetadata: string | undefined;
  };
  logLevel: Environment["LOG_LEVEL"];
  jobs: { enabled: boolean; pollMs: number };
  /**
   * After SIGTERM, how long the instance fails /ready but still serves, so that a balancer
   * moves its traffic elsewhere before it stops accepting connections.
   */
  shutdownDrainMs: number;
  /**
   * How far the clock runs ahead of real time (DEV_CLOCK_OFFSET; moved further by /dev/clock).
   * Undefined in production, where the clock is real time and cannot be moved.
   */
  devClockOffsetMs: number | undefined;
  /** Load the demo data at start-up (default: in embedded mode only). */
  seedDemo: boolean;
  webDistDir: string;
  /** The dev outbox (/dev/mailbox) exists only while mail and SMS both stay local. */
  devOutboxEnabled: boolean;
}

/** All four CA files, or none: half an imported CA is a mistake to stop on. */
function caFilesOf(e: Environment): Config["certificates"]["caFiles"] {
  const files = [
    e.CA_ROOT_CERT_FILE,
    e.CA_ROOT_KEY_FILE,
    e.CA_ISSUING_CERT_FILE,
    e.CA_ISSUING_KEY_FILE,
  ];
  if (files.every((file) => file === undefined)) return undefined;
  const [rootCert, rootKey, issuingCert, issuingKey] = files;
  if (!rootCert || !rootKey || !issuingCert || !issuingKey) {
    throw new ConfigError(
      "Invalid configuration:\n  CA_*_FILE: set all four of CA_ROOT_CERT_FILE, CA_ROOT_KEY_FILE, CA_ISSUING_CERT_FILE and CA_ISSUING_KEY_FILE, or none",
    );
  }
  return { rootCert, rootKey, issuingCert, issuingKey };
}

/**
 * Production scans every upload unless someone chose otherwise in so many words: a forgotten
 * CLAMAV_URL would otherwise let an infected file through without anyone noticing.
 */
function unscannedUploadsOf(e: Environment): Config["unscannedUploads"] {
  if (e.UPLOAD_SCAN === "off") {
    if (e.CLAMAV_URL) {
      throw new ConfigError(
        "Invalid configuration:\n  UPLOAD_SCAN: off contradicts CLAMAV_URL; unset one of them",
      );
    }
    return "switched-off";
  }
  if (e.CLAMAV_URL) return undefined;
  if (e.NODE_ENV === "production") {
    throw new ConfigError(
      "Invalid configuration:\n  CLAMAV_URL: required in production to scan uploads; set UPLOAD_SCAN=off to accept them unscanned",
    );
  }
  return "embedded";
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  if (e.SMS_PROVIDER === "cm" && !e.SMS_CM_PRODUCT_TOKEN) {
    throw new ConfigError(
      "Invalid configuration:\n  SMS_CM_PRODUCT_TOKEN: required when SMS_PROVIDER=cm",
    );
  }
  if (e.NODE_ENV === "production" && !(e.MTLS_TLS_CERT_FILE && e.MTLS_TLS_KEY_FILE)) {
    // Otherwise the office CA would sign a server certificate no browser trusts, on every start.
    throw new ConfigError(
      "Invalid configuration:\n  MTLS_TLS_CERT_FILE: required in production, with MTLS_TLS_KEY_FILE",
    );
  }
  if (e.ACCOUNT_DELETE_MONTHS <= e.ACCOUNT_DEACTIVATE_MONTHS) {
    // A login is deleted only after it was deactivated, each step told a month ahead.
    throw new ConfigError(
      "Invalid configuration:\n  ACCOUNT_DELETE_MONTHS: must be more than ACCOUNT_DEACTIVATE_MONTHS",
    );
  }
  if (e.NODE_ENV === "production" && e.DEV_CLOCK_OFFSET !== undefined) {
    // A moved clock would send reminders early and revoke certificates before their time.
    throw new ConfigError(
      "Invalid configuration:\n  DEV_CLOCK_OFFSET: not allowed in production; the clock moves only in development",
    );
  }
  if (e.NODE_ENV === "production" && !e.SECRET_KEY) {
    throw new ConfigError("Invalid configuration:\n  SECRET_KEY: required in production");
  }
  const unscannedUploads = unscannedUploadsOf(e);
  const dataDir = path.resolve(e.DATA_DIR);
  const blobStore = blobStoreOf(e);
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ""),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    sms:
      e.SMS_PROVIDER === "cm"
        ? {
            provider: "cm",
            sender: e.SMS_SENDER,
            productToken: e.SMS_CM_PRODUCT_TOKEN as string,
            url: e.SMS_CM_URL,
          }
        : { provider: "outbox", sender: e.SMS_SENDER },
    secretKey: e.SECRET_KEY,
    previousSecretKeys: e.PREVIOUS_SECRET_KEYS,
    blobStore,
    clamavUrl: e.CLAMAV_URL,
    unscannedUploads,
    uploads: {
      maxFileBytes: e.UPLOAD_MAX_BYTES,
      maxFilesPerDossier: e.UPLOAD_MAX_FILES_PER_DOSSIER,
    },
    login: { failuresPerIp: e.LOGIN_IP_LIMIT },
    officeApi: { callsPerMinute: e.OFFICE_API_RATE_LIMIT },
    apiRateLimits: {
      perSession: e.API_RATE_LIMIT_PER_SESSION,
      perAddress: e.API_RATE_LIMIT_PER_IP,
    },
    trustedProxies: addressList(e.TRUSTED_PROXIES),
    notifyBundleMinutes: e.NOTIFY_BUNDLE_MINUTES,
    accountRetention: {
      deactivateMonths: e.ACCOUNT_DEACTIVATE_MONTHS,
      deleteMonths: e.ACCOUNT_DELETE_MONTHS,
    },
    bounceWebhookToken: e.BOUNCE_WEBHOOK_TOKEN,
    metrics: { port: metricsPortOf(e), host: e.METRICS_HOST, token: e.METRICS_TOKEN },
    mtls: {
      port: e.MTLS_PORT,
      publicUrl: (e.MTLS_PUBLIC_URL ?? `https://localhost:${e.MTLS_PORT}`).replace(/\/$/, ""),
      tlsCertFile: e.MTLS_TLS_CERT_FILE,
      tlsKeyFile: e.MTLS_TLS_KEY_FILE,
      trustedProxies: addressList(e.MTLS_TRUSTED_PROXIES),
      certificateHeader: e.MTLS_CERT_HEADER.toLowerCase(),
    },
    certificates: {
      validityDays: e.CERT_VALIDITY_DAYS,
      keyAlgorithm: e.CERT_KEY_ALGORITHM,
      caFiles: caFilesOf(e),
    },
    eherkenning: {
      supplierName: e.EH_SUPPLIER_NAME,
      platformOin: e.EH_PLATFORM_OIN,
      partnerName: e.EH_PARTNER_NAME,
      retentionDays: e.EH_RETENTION_DAYS,
      kvk: { apiKey: e.KVK_API_KEY, apiUrl: e.KVK_API_URL.replace(/\/$/, "") },
      portalIdpMetadata: e.PORTAL_EH_IDP_METADATA,
    },
    organisation: {
      name: e.ORGANISATION_NAME,
      shortName: e.ORGANISATION_SHORT_NAME,
      applicationsName: e.CERT_APPLICATIONS_NAME ?? `${e.ORGANISATION_SHORT_NAME} PEC applicaties`,
      servicedeskEmail: e.SERVICEDESK_EMAIL,
      servicedeskPhone: e.SERVICEDESK_PHONE,
      memberAdministrationEmail: e.MEMBER_ADMINISTRATION_EMAIL,
      infoUrl: e.CERT_INFO_URL,
      manualUrl: e.CERT_MANUAL_URL,
      termsUrl: e.CERT_TERMS_URL,
    },
    logLevel: e.LOG_LEVEL,
    jobs: { enabled: e.JOBS_ENABLED, pollMs: e.JOBS_POLL_MS },
    shutdownDrainMs: e.SHUTDOWN_DRAIN_MS,
    devClockOffsetMs:
      e.NODE_ENV === "production" ? undefined : clockOffsetMs(e.DEV_CLOCK_OFFSET ?? "0d"),
    seedDemo: e.SEED_DEMO ?? !e.DATABASE_URL,
    webDistDir: path.resolve(e.WEB_DIST_DIR ?? "dist/web"),
    devOutboxEnabled: !e.SMTP_URL && e.SMS_PROVIDER === "outbox",
  };
}

/** The metrics listener's port, which must not be one the other listeners take (0: any free). */
function metricsPortOf(e: Environment): number | undefined {
  const port = e.METRICS_PORT;
  if (port !== undefined && port !== 0 && (port === e.PORT || port === e.MTLS_PORT)) {
    throw new ConfigError(
      "Invalid configuration:\n  METRICS_PORT: must differ from PORT and MTLS_PORT",
    );
  }
  return port;
}

function blobStoreOf(e: Environment): Config["blobStore"] {
  if (e.BLOB_STORE === "disk") return { kind: "disk" };
  const missing = REQUIRED_FOR_S3.filter((name) => !e[name]);
  if (missing.length > 0) {
    const lines = missing.map((name) => `  ${name}: required when BLOB_STORE=s3`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return {
    kind: "s3",
    endpoint: e.S3_ENDPOINT,
    region: e.S3_REGION,
    bucket: e.S3_BUCKET as string,
    accessKeyId: e.S3_ACCESS_KEY_ID as string,
    secretAccessKey: e.S3_SECRET_ACCESS_KEY as string,
    forcePathStyle: e.S3_FORCE_PATH_STYLE,
  };
}
