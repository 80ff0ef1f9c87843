import { echarts } from './echarts.ts';
import { chinaMapFile, fetchJson } from './map-files.ts';

/** GeoJSON in ECharts' compressed form (`UTF8Encoding: true`), as served under /maps (resources/maps). */
interface FeatureCollection {
  type: 'FeatureCollection';
  features: unknown[];
  UTF8Encoding?: boolean;
}

interface MapIndexEntry {
  file: string;
  mapName: string;
}

/** A registered map: its name for `geo.map`, and the name of each feature by its code (for `geo.regions`). */
export interface LoadedMap {
  mapName: string;
  featureNames: Record<string, string>;
}

const registered = new Map<string, Promise<LoadedMap>>();
/** The maps already registered, for a map drawn at once without waiting a turn for its promise. */
const ready = new Map<string, LoadedMap>();
let indexPromise: Promise<Record<string, MapIndexEntry>> | null = null;

function mapIndex() {
  indexPromise ??= fetchJson<Record<string, MapIndexEntry>>('/maps/index.json').catch((err: unknown) => {
    indexPromise = null;
    throw err;
  });
  return indexPromise;
}

function featureNames(json: FeatureCollection): Record<string, string> {
  const names: Record<string, string> = {};
  for (const feature of json.features as { id?: string; properties?: { id?: string; name?: string } }[]) {
    const code = feature.properties?.id ?? feature.id;
    if (code && feature.properties?.name) names[code] = feature.properties.name;
  }
  return names;
}

function once(name: string, load: () => Promise<FeatureCollection>): Promise<LoadedMap> {
  let promise = registered.get(name);
  if (!promise) {
    promise = load().then((json) => {
      echarts.registerMap(name, json as Parameters<typeof echarts.registerMap>[1]);
      const loaded = { mapName: name, featureNames: featureNames(json) };
      ready.set(name, loaded);
      return loaded;
    });
    promise.catch(() => registered.delete(name));
    registered.set(name, promise);
  }
  return promise;
}

/** The map of China if it is registered already, else null. */
export function registeredChinaMap(): LoadedMap | null {
  return ready.get('china') ?? null;
}

/** Registers the map of China (provinces) once. */
export function loadChinaMap(): Promise<LoadedMap> {
  return once('china', () => chinaMapFile() as Promise<FeatureCollection>);
}

/**
 * Registers one map made of the city-level maps of several provinces (the two sides of a pairing), by
 * merging their features; all files share the compressed encoding, so the merged collection keeps the flag.
 */
export function loadProvincesMap(provinceCodes: string[]): Promise<LoadedMap> {
  const codes = [...new Set(provinceCodes)].sort();
  return once(`provinces-${codes.join('-')}`, async () => {
    const index = await mapIndex();
    const files = codes.map((code) => index[code]?.file).filter((file): file is string => !!file);
    const collections = await Promise.all(files.map((file) => fetchJson<FeatureCollection>(`/maps/${file}`)));
    return {
      type: 'FeatureCollection',
      features: collections.flatMap((c) => c.features),
      UTF8Encoding: collections.every((c) => c.UTF8Encoding),
    };
  });
}
