import { oinSchema } from "#src/contracts/eherkenning/authorization-scope.ts";
import { MAX_SERVICE_INDEX } from "#src/contracts/eherkenning/catalogue.ts";

/** The fields of the provider form that the browser checks before sending. */
export type ProviderField = "name" | "oin" | "websiteUrl";
export type ServiceField = "serviceIndex" | "nameNl" | "nameEn";

const MIN_NAME = 2;

/** Whether the address is one the server accepts as a website: absolute, http or https. */
function isWebsite(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

/** The fields that are wrong, as the contract would refuse them; the OIN only for a new one. */
export function invalidProviderFields(values: {
  name: string;
  oin?: string;
  websiteUrl: string;
}): ProviderField[] {
  const wrong: ProviderField[] = [];
  if (values.oin !== undefined && !oinSchema.safeParse(values.oin.trim()).success) {
    wrong.push("oin");
  }
  if (values.name.trim().length < MIN_NAME) wrong.push("name");
  const website = values.websiteUrl.trim();
  if (website && !isWebsite(website)) wrong.push("websiteUrl");
  return wrong;
}

/** The fields of the service form that are wrong; the index only for a new service. */
export function invalidServiceFields(values: {
  serviceIndex?: string;
  nameNl: string;
  nameEn: string;
}): ServiceField[] {
  const wrong: ServiceField[] = [];
  if (values.serviceIndex !== undefined) {
    const index = values.serviceIndex.trim();
    if (!/^\d{1,5}$/.test(index) || Number(index) > MAX_SERVICE_INDEX) wrong.push("serviceIndex");
  }
  if (values.nameNl.trim().length < MIN_NAME) wrong.push("nameNl");
  if (values.nameEn.trim().length < MIN_NAME) wrong.push("nameEn");
  return wrong;
}
