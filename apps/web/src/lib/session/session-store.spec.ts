import { createSessionStore, parseStoredSession, SESSION_STORAGE_KEY, type StorageLike } from './session-store';

class MemoryStorage implements StorageLike {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const tokens = { accessToken: 'access-1', refreshToken: 'refresh-1', expiresIn: 900 };

describe('session store', () => {
  it('starts signed out with empty storage', () => {
    expect(createSessionStore(new MemoryStorage()).get()).toBeNull();
  });

  it('stores tokens with an absolute expiry and reads them back in a new store', () => {
    const storage = new MemoryStorage();
    const store = createSessionStore(storage, () => 1_000_000);
    const saved = store.set(tokens);

    expect(saved).toEqual({ accessToken: 'access-1', refreshToken: 'refresh-1', accessTokenExpiresAt: 1_900_000 });
    expect(store.get()).toBe(saved); // stable identity until the session changes
    expect(createSessionStore(storage).get()).toEqual(saved);
  });

  it('clears the storage and notifies subscribers once', () => {
    const storage = new MemoryStorage();
    const store = createSessionStore(storage);
    const listener = jest.fn();
    store.set(tokens);
    const unsubscribe = store.subscribe(listener);

    store.clear();
    store.clear(); // already signed out: no second notification
    expect(store.get()).toBeNull();
    expect(storage.items.has(SESSION_STORAGE_KEY)).toBe(false);
    expect(listener).toHaveBeenCalledTimes(1);

    unsubscribe();
    store.set(tokens);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('picks up changes made by another tab on reload', () => {
    const storage = new MemoryStorage();
    const store = createSessionStore(storage);
    const listener = jest.fn();
    store.subscribe(listener);

    createSessionStore(storage).set({ ...tokens, accessToken: 'from-other-tab' });
    store.reload();
    expect(store.get()?.accessToken).toBe('from-other-tab');
    store.reload(); // unchanged: no notification
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('refuses empty tokens', () => {
    const store = createSessionStore(new MemoryStorage());
    expect(() => store.set({ ...tokens, accessToken: '' })).toThrow();
    expect(store.get()).toBeNull();
  });

  it('keeps working in memory when storage throws', () => {
    const broken: StorageLike = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    const store = createSessionStore(broken);
    expect(store.get()).toBeNull();
    store.set(tokens);
    expect(store.get()?.accessToken).toBe('access-1');
    store.clear();
    expect(store.get()).toBeNull();
  });
});

describe('parseStoredSession', () => {
  it.each([null, '', 'not json', '42', '{"accessToken":"a"}', '{"accessToken":"","refreshToken":"r"}'])(
    'treats %p as signed out',
    (raw) => {
      expect(parseStoredSession(raw)).toBeNull();
    },
  );

  it('tolerates a missing expiry', () => {
    expect(parseStoredSession('{"accessToken":"a","refreshToken":"r"}')).toEqual({
      accessToken: 'a',
      refreshToken: 'r',
      accessTokenExpiresAt: 0,
    });
  });
});
