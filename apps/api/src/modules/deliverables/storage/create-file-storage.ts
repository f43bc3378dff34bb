import type { ApiConfig } from '../../../config/api-config';
import type { FileStorage } from './file-storage';
import { LocalFileStorage } from './local-file-storage';
import { S3FileStorage } from './s3-file-storage';

/** S3 when S3_BUCKET is set, else the local disk under UPLOAD_DIR. */
export function createFileStorage(config: ApiConfig): FileStorage {
  if (!config.S3_BUCKET) return new LocalFileStorage(config.UPLOAD_DIR);
  return new S3FileStorage({
    bucket: config.S3_BUCKET,
    region: config.S3_REGION,
    endpoint: config.S3_ENDPOINT,
    accessKeyId: config.S3_ACCESS_KEY_ID,
    secretAccessKey: config.S3_SECRET_ACCESS_KEY,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
    prefix: config.S3_PREFIX,
  });
}
