/**
 * The three `Reflect` metadata functions that @peculiar/x509's dependency injection (tsyringe)
 * calls while loading. The library asks its users for a polyfill such as `reflect-metadata`;
 * this stands in for it until that package is a dependency, and steps aside if one is loaded.
 */

type Metadata = Map<unknown, unknown>;

interface ReflectMetadata {
  defineMetadata(key: unknown, value: unknown, target: object): void;
  getOwnMetadata(key: unknown, target: object): unknown;
  getMetadata(key: unknown, target: object): unknown;
}

const reflect = Reflect as typeof Reflect & Partial<ReflectMetadata>;

if (!reflect.getMetadata) {
  const store = new WeakMap<object, Metadata>();
  const own = (key: unknown, target: object) => store.get(target)?.get(key);
  reflect.defineMetadata = (key, value, target) => {
    const metadata = store.get(target) ?? new Map();
    metadata.set(key, value);
    store.set(target, metadata);
  };
  reflect.getOwnMetadata = own;
  // Like reflect-metadata: what a class does not define itself, it inherits.
  reflect.getMetadata = (key, target) => {
    for (let object: object | null = target; object; object = Object.getPrototypeOf(object)) {
      const value = own(key, object);
      if (value !== undefined) return value;
    }
    return undefined;
  };
}
