export interface ApiResponse<T = any> {
  status: number;
  body: T;
}

/** A thin fetch wrapper for tests: JSON in, status and parsed body out. */
export class Api {
  constructor(readonly baseUrl: string) {}

  async request<T = any>(method: string, path: string, options: { token?: string; body?: unknown } = {}): Promise<ApiResponse<T>> {
    const response = await fetch(new URL(path, this.baseUrl), {
      method,
      headers: {
        ...(options.body !== undefined && { 'content-type': 'application/json' }),
        ...(options.token && { authorization: `Bearer ${options.token}` }),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    const json = response.headers.get('content-type')?.includes('json');
    return { status: response.status, body: (text && json ? JSON.parse(text) : text || undefined) as T };
  }

  get<T = any>(path: string, token?: string) {
    return this.request<T>('GET', path, { token });
  }

  post<T = any>(path: string, body: unknown, token?: string) {
    return this.request<T>('POST', path, { body, token });
  }

  patch<T = any>(path: string, body: unknown, token?: string) {
    return this.request<T>('PATCH', path, { body, token });
  }

  put<T = any>(path: string, body: unknown, token?: string) {
    return this.request<T>('PUT', path, { body, token });
  }

  delete<T = any>(path: string, token?: string) {
    return this.request<T>('DELETE', path, { token });
  }

  /** For non-JSON answers (CSV, HTML): the status, the content type and the text. */
  async getText(path: string, token?: string): Promise<{ status: number; contentType: string; text: string }> {
    const response = await fetch(new URL(path, this.baseUrl), { headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', text: await response.text() };
  }
}
