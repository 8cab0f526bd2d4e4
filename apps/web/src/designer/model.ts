export * from "@baton/model";
export {
  isSchemaObject,
  type TJsonSchemaObject,
} from "../../../../packages/model/src/json-schema.ts";
// Not exported by @baton/model's index yet; these two lines go when it does.
export { NODE_ID_PATTERN } from "../../../../packages/model/src/reference.ts";
