import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type Rules = ReturnType<Storage['getTargetValidationMetadatas']>;
type Grouped = ReturnType<Storage['groupByPropertyName']>;

let installed = false;

/**
 * class-validator looks up a class's rules on every validation by testing the class against every
 * class that has rules (`instanceof` over the whole registry) and regrouping them by property. The rules
 * are fixed once the DTO modules are loaded, so the lookup is remembered per class and options, and
 * forgotten whenever a rule is added (a class loaded later). Saves that walk on every request body and query.
 */
export function cacheValidationMetadata(storage: Storage = getMetadataStorage()): void {
  if (installed) return;
  installed = true;
  const lookup = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  let lookups = new Map<object, Map<string, Rules>>();
  let groups = new WeakMap<Rules, Grouped>();
  const forget =
    <A extends unknown[]>(add: (...args: A) => void) =>
    (...args: A) => {
      lookups = new Map();
      groups = new WeakMap();
      add(...args);
    };
  storage.addValidationMetadata = forget(storage.addValidationMetadata.bind(storage));
  storage.addConstraintMetadata = forget(storage.addConstraintMetadata.bind(storage));
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, names) => {
    const key = `${always}|${strictGroups}|${names?.join(',') ?? ''}|${schema}`;
    let byTarget = lookups.get(target);
    if (!byTarget) lookups.set(target, (byTarget = new Map<string, Rules>()));
    let found = byTarget.get(key);
    if (!found) byTarget.set(key, (found = lookup(target, schema, always, strictGroups, names)));
    return found;
  };
  storage.groupByPropertyName = (metadata) => {
    let found = groups.get(metadata);
    if (!found) groups.set(metadata, (found = group(metadata)));
    return found;
  };
}
