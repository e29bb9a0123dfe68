import pg from "pg";

const PG_NAME_OID = 19;
const PG_TEXT_OID = 25;

type QueryResultLike = { fields?: { dataTypeID: number }[] };

/**
 * Workaround for prisma/orm#27403: with @prisma/adapter-pg, Prisma 6's schema
 * engine reads catalog columns of PostgreSQL's `name` type (OID 19), which the
 * adapter cannot deserialize, so `migrate deploy` fails. Reporting those
 * columns as `text` is exact (a name is a short string). Used by the CLI
 * config only, never by the running app. Delete when the upstream bug is fixed.
 */
export function patchPgNameColumns(): void {
  for (const proto of [pg.Pool.prototype, pg.Client.prototype] as const) {
    const original = proto.query as (...args: unknown[]) => unknown;
    if ((original as { latchkeyShim?: boolean }).latchkeyShim) continue;
    const patched = function (this: unknown, ...args: unknown[]) {
      const result = original.apply(this, args);
      if (result instanceof Promise) {
        return result.then((value: QueryResultLike) => {
          for (const field of value?.fields ?? []) {
            if (field.dataTypeID === PG_NAME_OID) field.dataTypeID = PG_TEXT_OID;
          }
          return value;
        });
      }
      return result;
    };
    (patched as { latchkeyShim?: boolean }).latchkeyShim = true;
    proto.query = patched as typeof proto.query;
  }
}
