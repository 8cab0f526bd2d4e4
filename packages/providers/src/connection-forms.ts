/**
 * What a person fills in to set up a connection of each built-in kind. Settings land in
 * the connection's `config`; secret fields in its `secret` (encrypted by the server and
 * never shown again). The server validates against these and the web app draws its forms
 * from them, so a provider's settings are described in one place.
 */
export type ConnectionField = {
  key: string;
  label: string;
  /** `list`: comma-separated strings. */
  type: "text" | "url" | "number" | "list";
  required?: boolean;
  placeholder?: string;
  help?: string;
  /**
   * Decides where the credentials are sent. Changing it while keeping stored credentials
   * is refused: they must be entered again to go to the new address.
   */
  destination?: boolean;
};

export type SecretField = {
  key: string;
  label: string;
  /** The value is a JSON object (a service account key, a map of keys) rather than a string. */
  json?: boolean;
  help?: string;
};

export type ConnectionForm = {
  kind: string;
  label: string;
  description: string;
  fields: ConnectionField[];
  secretFields: SecretField[];
  /** Secrets named by the user (an OpenAPI document's security schemes) instead of fixed fields. */
  namedSecrets?: { help: string };
  /**
   * Headers sent with every call, kept as credentials (an `Authorization` or API key
   * header is one): each is the secret `header:<name>`, its name in lower case.
   */
  secretHeaders?: { help: string };
};

/** The prefix of secret keys that hold a header (`header:x-api-key`). */
export const HEADER_SECRET_PREFIX = "header:";

const schemaDocument: ConnectionField = {
  key: "schemaDocument",
  label: "Schema document",
  type: "text",
  placeholder: "https://… or /path/to/schemas.yaml",
  help: "Input and output schemas for functions that carry none (JSON or YAML).",
};

export const connectionForms: ConnectionForm[] = [
  {
    kind: "local",
    label: "Local folder",
    description: "TypeScript or JavaScript modules in a folder on this server.",
    fields: [
      {
        key: "folder",
        label: "Folder",
        type: "text",
        required: true,
        placeholder: "/srv/functions",
        help: "Absolute, or relative to the server's working directory.",
      },
      {
        key: "memoryMb",
        label: "Memory limit (MB)",
        type: "number",
        placeholder: "256",
        help: "For functions that give no memory hint of their own.",
      },
    ],
    secretFields: [],
  },
  {
    kind: "http",
    label: "HTTP (OpenAPI)",
    description: "Each operation of an OpenAPI 3.x document becomes a function.",
    fields: [
      {
        key: "document",
        label: "OpenAPI document",
        type: "text",
        required: true,
        placeholder: "https://api.example.com/openapi.json",
        help: "URL or file path; JSON or YAML.",
        // without a base URL, the document's servers are where calls go
        destination: true,
      },
      {
        key: "baseUrl",
        label: "Base URL",
        type: "url",
        placeholder: "https://api.example.com",
        help: "Overrides the document's servers.",
        destination: true,
      },
    ],
    secretFields: [],
    namedSecrets: {
      help: 'Keyed by the document\'s security scheme name: a key or token, or {"username","password"} for basic auth.',
    },
    secretHeaders: {
      help: "Sent with every call, e.g. Authorization or X-Api-Key. Kept encrypted like the other credentials.",
    },
  },
  {
    kind: "aws-lambda",
    label: "AWS Lambda",
    description: "Functions listed through the Lambda API, in one or more regions.",
    fields: [
      {
        key: "regions",
        label: "Regions",
        type: "list",
        required: true,
        placeholder: "eu-west-1, us-east-1",
        destination: true,
      },
      {
        key: "endpoint",
        label: "Endpoint",
        type: "url",
        placeholder: "http://127.0.0.1:3002",
        help: "Another Lambda API (LocalStack, serverless-offline); normally empty.",
        destination: true,
      },
      { key: "namePrefix", label: "Name prefix", type: "text", placeholder: "orders-" },
      schemaDocument,
    ],
    secretFields: [
      { key: "accessKeyId", label: "Access key ID" },
      { key: "secretAccessKey", label: "Secret access key" },
      { key: "sessionToken", label: "Session token" },
    ],
  },
  {
    kind: "gcp",
    label: "Google Cloud Functions",
    description: "HTTP functions listed through the Cloud Functions API (v2).",
    fields: [
      { key: "project", label: "Project", type: "text", required: true, placeholder: "my-project" },
      {
        key: "locations",
        label: "Locations",
        type: "list",
        placeholder: "europe-west1",
        help: "Empty means all locations.",
      },
      {
        key: "endpoint",
        label: "Endpoint",
        type: "url",
        placeholder: "https://cloudfunctions.googleapis.com",
        destination: true,
      },
      schemaDocument,
    ],
    secretFields: [
      {
        key: "serviceAccount",
        label: "Service account key",
        json: true,
        help: "The JSON key file's content.",
      },
      { key: "accessToken", label: "Access token" },
      { key: "idToken", label: "ID token" },
    ],
  },
  {
    kind: "azure",
    label: "Azure Functions",
    description:
      "HTTP-triggered functions of function apps, listed through Azure Resource Manager.",
    fields: [
      { key: "subscriptionId", label: "Subscription ID", type: "text", required: true },
      { key: "resourceGroup", label: "Resource group", type: "text" },
      {
        key: "endpoint",
        label: "Endpoint",
        type: "url",
        placeholder: "https://management.azure.com",
        destination: true,
      },
      {
        key: "authorityHost",
        label: "Authority host",
        type: "url",
        placeholder: "https://login.microsoftonline.com",
        destination: true,
      },
      schemaDocument,
    ],
    secretFields: [
      { key: "tenantId", label: "Tenant ID" },
      { key: "clientId", label: "Client ID" },
      { key: "clientSecret", label: "Client secret" },
      { key: "accessToken", label: "Access token" },
      {
        key: "functionKeys",
        label: "Function keys",
        json: true,
        help: '{ "<app>/<function>": "<key>" }; read through ARM when empty.',
      },
    ],
  },
  {
    kind: "openfaas",
    label: "OpenFaaS",
    description: "Functions deployed behind an OpenFaaS gateway.",
    fields: [
      {
        key: "gateway",
        label: "Gateway",
        type: "url",
        required: true,
        placeholder: "http://gateway.openfaas:8080",
        destination: true,
      },
      { key: "namespace", label: "Namespace", type: "text" },
      schemaDocument,
    ],
    secretFields: [
      { key: "username", label: "Username", help: "admin when empty." },
      { key: "password", label: "Password" },
    ],
  },
];
