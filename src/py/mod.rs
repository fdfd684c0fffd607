//! The PyO3 layer: the only code that knows about Python.
//!
//! It converts arguments, releases the GIL around core calls and maps core
//! errors to the exception hierarchy of `errors.rs`. Each engine has one
//! file here; `_furat` registers them.

mod batch;
mod boilerplate;
mod errors;
mod gazetteer;
mod normalize;
mod place;
mod process;
mod text;

use pyo3::prelude::*;

/// Turns batch parallelism off in a child forked from a process that has
/// used rayon: the child would wait forever on the parent's pool.
extern "C" fn after_fork_child() {
    crate::parallel::disable_after_fork();
}

unsafe extern "C" {
    fn pthread_atfork(
        prepare: Option<extern "C" fn()>,
        parent: Option<extern "C" fn()>,
        child: Option<extern "C" fn()>,
    ) -> i32;
}

/// The native module, `furat._furat`. Its contents are re-exported by the
/// `furat` package.
#[pymodule]
pub mod _furat {
    use pyo3::prelude::*;

    #[pymodule_export]
    use super::normalize::{PyAlignment, PyNormalizer, normalize};

    #[pymodule_export]
    use super::gazetteer::PyGazetteer;
    #[pymodule_export]
    use super::place::{PyMatch, PyPlace};

    #[pymodule_export]
    use super::boilerplate::{PyArticle, PyCleaner, PyLine, clean, clean_batch};

    #[pymodule_export]
    use super::process::{process, process_batch};

    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        // SAFETY: registering a plain function as an atfork child handler.
        unsafe {
            super::pthread_atfork(None, None, Some(super::after_fork_child));
        }
        super::errors::register(m)?;
        super::boilerplate::register(m)?;
        m.add("__version__", env!("CARGO_PKG_VERSION"))?;
        Ok(())
    }
}
