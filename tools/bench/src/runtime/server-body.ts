// The small JSON body the loopback server answers every request with (and the clients must return).
export const responseBody = { ok: true, id: 1, customer_id: 1, name: 'Acme Corp', status: 'ACTIVE', balance: 12.5 };
