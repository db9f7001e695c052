package trent.storage.memory;

import trent.storage.Storage;
import trent.storage.StorageContractTest;

/** The in-memory store keeps the whole contract except persistence (reopen is not supported). */
class InMemoryStorageContractTest extends StorageContractTest {

  @Override
  protected Storage newStorage() {
    return new InMemoryStorage();
  }
}
